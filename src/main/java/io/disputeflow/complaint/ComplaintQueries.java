package io.disputeflow.complaint;

import io.disputeflow.correspondence.LetterService;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a complaint for the API: our record joined with what the engine waits for. */
@Service
public class ComplaintQueries {

  private final ComplaintRepository complaints;
  private final AwaitedActions awaitedActions;
  private final LetterService letters;
  private final ZoneId zone;

  ComplaintQueries(ComplaintRepository complaints, AwaitedActions awaitedActions, LetterService letters,
      @Value("${disputeflow.zone}") ZoneId zone) {
    this.complaints = complaints;
    this.awaitedActions = awaitedActions;
    this.letters = letters;
    this.zone = zone;
  }

  @Transactional(readOnly = true)
  public ComplaintView get(String complaintNumber) {
    return view(complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber)));
  }

  @Transactional(readOnly = true)
  public ComplaintView view(ComplaintRecord record) {
    var awaiting = record.status() == ComplaintStatus.CLOSED
        ? java.util.List.<AwaitedAction>of()
        : awaitedActions.of(record.complaintNumber());
    return ComplaintView.of(record, awaiting, complaints.countSubmissions(record.complaintNumber()),
        letters.lettersOf(record.complaintNumber()), zone);
  }
}
