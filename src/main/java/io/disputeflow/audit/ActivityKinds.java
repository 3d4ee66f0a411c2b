package io.disputeflow.audit;

import java.util.Set;

/** The engine's activity types by what the timeline makes of them. */
final class ActivityKinds {

  /** Steps the engine performs: their entry is their end, with the variables they changed. */
  static final Set<String> STEPS =
      Set.of("serviceTask", "sendTask", "scriptTask", "businessRuleTask", "task", "manualTask");
  static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
  static final Set<String> MESSAGES =
      Set.of("intermediateMessageCatch", "boundaryMessage", "messageStartEvent", "receiveTask");
  static final Set<String> ESCALATIONS = Set.of("boundaryEscalation", "intermediateEscalationThrowEvent",
      "escalationEndEvent", "escalationStartEvent");
  static final Set<String> OTHER_EVENTS = Set.of("boundaryError", "errorEndEvent", "errorStartEvent",
      "boundarySignal", "intermediateSignalCatch", "intermediateSignalThrow", "signalEndEvent", "signalStartEvent",
      "boundaryConditional", "intermediateConditional", "conditionalStartEvent", "boundaryCompensation",
      "intermediateCompensationThrowEvent", "compensationEndEvent", "terminateEndEvent", "cancelEndEvent",
      "boundaryCancel", "intermediateNoneThrowEvent", "intermediateLinkCatch");

  private ActivityKinds() {}
}
