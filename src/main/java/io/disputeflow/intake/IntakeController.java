package io.disputeflow.intake;

import io.disputeflow.casefile.ComplaintView;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Channel systems submit complaints here. */
@RestController
class IntakeController {

  /** Tells a channel system that its submission joined an open case instead of opening one. */
  static final String OUTCOME_HEADER = "DisputeFlow-Intake-Outcome";

  private final IntakeService intake;

  IntakeController(IntakeService intake) {
    this.intake = intake;
  }

  @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ComplaintView> submit(@Valid @RequestBody ComplaintSubmission submission) {
    IntakeResult result;
    try {
      result = intake.submit(submission);
    } catch (DuplicateKeyException raceWithSameReference) {
      // a concurrent retry with the same reference committed first: answer with its case
      result = intake.submit(submission);
    }
    ComplaintView complaint = result.complaint();
    if (result.outcome() == IntakeResult.Outcome.CREATED) {
      return ResponseEntity.created(URI.create("/api/complaints/" + complaint.complaintNumber()))
          .header(OUTCOME_HEADER, result.outcome().name())
          .body(complaint);
    }
    return ResponseEntity.ok()
        .location(URI.create("/api/complaints/" + complaint.complaintNumber()))
        .header(OUTCOME_HEADER, result.outcome().name())
        .body(complaint);
  }
}
