package io.disputeflow.correspondence;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_ERROR;
import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_ID;
import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_RECIPIENT;
import static io.disputeflow.process.UndeliveredLetterProcess.LETTER_TYPE;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.process.UndeliveredLetterProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** A letter the dispatcher gave up on becomes a coordinator's task (processes/undelivered-letter.bpmn). */
@Component
class UndeliveredLetters {

  private static final Logger LOG = LoggerFactory.getLogger(UndeliveredLetters.class);

  private final ObjectProvider<RuntimeService> runtimeServices;
  private final ComplaintRepository complaints;
  private final LetterRepository letters;

  UndeliveredLetters(ObjectProvider<RuntimeService> runtimeServices, ComplaintRepository complaints,
      LetterRepository letters) {
    this.runtimeServices = runtimeServices;
    this.complaints = complaints;
    this.letters = letters;
  }

  /** Starts the coordinator's task for a FAILED letter; the letter stays FAILED (and retryable by API) if this fails. */
  void open(String complaintNumber, long letterId) {
    try {
      Letter letter = letters.find(complaintNumber, letterId).orElseThrow().letter();
      Map<String, Object> variables = new HashMap<>();
      COMPLAINT_NUMBER.put(variables, complaintNumber);
      complaints.find(complaintNumber).ifPresent(c -> CUSTOMER_NAME.put(variables, c.customerName()));
      LETTER_ID.put(variables, letterId);
      LETTER_TYPE.put(variables, letter.type().name());
      LETTER_RECIPIENT.put(variables, letter.recipient());
      LETTER_ERROR.put(variables, letter.lastError());
      runtimeServices.getObject().startProcessInstanceByKey(UndeliveredLetterProcess.KEY, complaintNumber, variables);
    } catch (RuntimeException e) {
      LOG.error("Letter {} of {} is FAILED but no coordinator task was opened for it; retry it with"
          + " POST /api/complaints/{}/letters/{}/retry", letterId, complaintNumber, complaintNumber, letterId, e);
    }
  }
}
