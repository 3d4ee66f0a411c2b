package io.disputeflow.audit;

import io.disputeflow.engine.ProcessInstanceEnded;
import io.disputeflow.process.ComplaintHandlingProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Anchors a case's timeline as soon as its main process has ended and that transaction has
 * committed (the engine publishes its history events to Spring). A failure here never touches the
 * case: the next timeline or verify request of the closed case anchors it.
 */
@Component
class AnchorOnCaseClose {

  private static final Logger LOG = LoggerFactory.getLogger(AnchorOnCaseClose.class);

  private final TamperEvidence tamperEvidence;

  AnchorOnCaseClose(TamperEvidence tamperEvidence) {
    this.tamperEvidence = tamperEvidence;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onProcessEnded(ProcessInstanceEnded event) {
    if (ComplaintHandlingProcess.KEY.equals(event.processDefinitionKey())
        && event.superProcessInstanceId() == null && event.businessKey() != null) {
      try {
        tamperEvidence.anchor(event.businessKey());
      } catch (RuntimeException e) {
        LOG.warn("Could not anchor the timeline of {} at closing; the next timeline request will", event.businessKey(),
            e);
      }
    }
  }
}
