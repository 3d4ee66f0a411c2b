package io.disputeflow.complaint;

import io.disputeflow.process.FeedbackProcess;
import io.disputeflow.process.ResolutionProcess;
import java.util.Arrays;
import java.util.Optional;

/** A customer action the case accepts while the engine waits for its message. */
public enum AwaitedAction {
  CUSTOMER_RESPONSE(ResolutionProcess.MESSAGE_CUSTOMER_RESPONSE),
  REVERIFICATION_REQUEST(ResolutionProcess.MESSAGE_REVERIFICATION_REQUEST),
  SURVEY(FeedbackProcess.MESSAGE_SURVEY_RESPONSE);

  private final String messageName;

  AwaitedAction(String messageName) {
    this.messageName = messageName;
  }

  public String messageName() {
    return messageName;
  }

  static Optional<AwaitedAction> ofMessage(String messageName) {
    return Arrays.stream(values()).filter(a -> a.messageName.equals(messageName)).findFirst();
  }
}
