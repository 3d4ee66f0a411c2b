package io.disputeflow.resolution;

import static io.disputeflow.process.ComplaintVariables.DECISION;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.SUMMARY_RESOLUTION;

import io.disputeflow.deadline.SummaryResolutionWindow;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The investigation's completion: a summary resolution (FCA DISP 1.5) is refused, and the task stays
 * open, for a complaint outside a UK regime, after the close of the third business day after receipt,
 * or without the response the customer accepted.
 */
@Component
class SummaryResolutionListener implements TaskListener {

  private static final Set<String> DECISIONS = Set.of("UPHOLD", "PARTLY_UPHOLD", "REJECT");

  private final SummaryResolutionWindow window;

  SummaryResolutionListener(SummaryResolutionWindow window) {
    this.window = window;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(SUMMARY_RESOLUTION.get(task))) {
      return;
    }
    String regime = REGIME.get(task);
    var until = window.until(regime, RECEIVED_AT.get(task));
    if (until.isEmpty()) {
      throw new SummaryResolutionRefusedException("summaryResolution: a summary resolution (FCA DISP 1.5) is for UK"
          + " complaints only; this complaint runs under " + regime);
    }
    if (!window.isOpen(regime, RECEIVED_AT.get(task))) {
      throw new SummaryResolutionRefusedException("summaryResolution: the window for a summary resolution closed at "
          + until.get() + " (close of the third business day after receipt, FCA DISP 1.5.1R); send a final response");
    }
    if (!DECISIONS.contains(DECISION.get(task))) {
      throw new SummaryResolutionRefusedException("decision: a summary resolution needs the response the customer"
          + " accepted: UPHOLD, PARTLY_UPHOLD or REJECT");
    }
  }
}
