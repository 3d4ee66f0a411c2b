package io.disputeflow.audit;

import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.correspondence.Letter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * What our own tables hold: the complaint as received (first of all), each letter queued (in the step that
 * queued it) and sent, and the entries of {@link CaseRecords}: merged submissions, the regulatory clock,
 * evidence documents and withdrawals.
 */
final class RecordEvents {

  private final CaseHistory history;
  private final CaseTree tree;
  private final UserOperations operations;
  private final Map<String, String> letterTypeOfActivity;

  /** @param letterTypeOfActivity the letter type each activity instance set, which tells the step of a letter */
  RecordEvents(CaseHistory history, CaseTree tree, UserOperations operations, Map<String, String> letterTypeOfActivity) {
    this.history = history;
    this.tree = tree;
    this.operations = operations;
    this.letterTypeOfActivity = letterTypeOfActivity;
  }

  List<Event> extract() {
    List<Event> events = new ArrayList<>();
    events.add(complaintReceived());
    letters(events);
    events.addAll(history.records().events());
    return events;
  }

  private Event complaintReceived() {
    ComplaintRecord complaint = history.complaint();
    HistoricProcessInstance root = history.instances().stream().filter(i -> i.getSuperProcessInstanceId() == null)
        .findFirst().orElse(null);
    Event event = new Event(complaint.receivedAt().toInstant(), TreePath.of(-1), EntryType.COMPLAINT_RECEIVED,
        "complaint:" + complaint.complaintNumber())
        .put("complaintNumber", complaint.complaintNumber())
        .put("channel", complaint.channel().name())
        .put("externalReference", complaint.externalReference())
        .put("customerId", complaint.customerId())
        .put("customerName", complaint.customerName())
        .put("product", complaint.product().name())
        .put("issue", complaint.issue())
        .put("narrative", complaint.narrative())
        .put("disputedAmount", Values.of(complaint.disputedAmount()))
        .put("disputedCurrency", complaint.disputedCurrency())
        .put("inquiryOnly", Boolean.toString(complaint.inquiryOnly()));
    if (root != null) {
      event.actor(operations.creatorOr(root.getId(), root.getStartUserId()));
    }
    return event;
  }

  /** A letter belongs to the step that queued it, in the same transaction. */
  private void letters(List<Event> events) {
    int index = 0;
    for (Letter letter : history.records().letters()) {
      Instant time = letter.createdAt().toInstant();
      HistoricActivityInstance step = tree.activities().stream()
          .filter(a -> ActivityKinds.STEPS.contains(a.getActivityType()) && !a.getStartTime().toInstant().isAfter(time)
              && (a.getEndTime() == null || !a.getEndTime().toInstant().isBefore(time)))
          .max(Comparator.comparing((HistoricActivityInstance a) ->
                  letter.type().name().equals(letterTypeOfActivity.get(a.getId())))
              .thenComparing(HistoricActivityInstance::getStartTime)
              .thenComparing(a -> tree.node(a.getId())))
          .orElse(null);
      Event queued = new Event(time, step == null ? TreePath.of(Long.MAX_VALUE, index) : tree.node(step.getId()).then(1, 7, index),
          EntryType.LETTER_QUEUED, "letter:" + letter.id())
          .put("letterId", Long.toString(letter.id()))
          .put("letterType", letter.type().name())
          .put("language", letter.language())
          .put("recipient", letter.recipient());
      if (step != null) {
        queued.in(tree.process(step.getProcessInstanceId())).element(step.getActivityId(), step.getActivityName());
      }
      events.add(queued);
      if (letter.sentAt() != null) {
        events.add(new Event(letter.sentAt().toInstant(), TreePath.of(Long.MAX_VALUE, 0, letter.id()), EntryType.LETTER_SENT,
            "letter:" + letter.id() + ":sent")
            .put("letterId", Long.toString(letter.id()))
            .put("letterType", letter.type().name())
            .put("messageId", letter.messageId()));
      }
      index++;
    }
  }
}
