package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * FCA DISP 1.6.2R(2): by the end of eight weeks after receipt, a complaint without a final response
 * gets a letter explaining why, when the bank expects to respond and that the customer may now go to
 * the Financial Ombudsman Service. complaint-handling's eight-week branch waits for {@link #dueAt}:
 * the first moment of the last day of the final-response period (the decision deadline, P8W) in the
 * regime's zone, so the letter goes out within the eight weeks; a pause that moved the deadline moves
 * it too (the clock recalculates the case's timers). A period under a day (a demonstration policy) sends
 * it at the deadline itself.
 */
@Component("eightWeekLetter")
public class EightWeekLetter {

  private final RegimeCalendars calendars;
  private final DecisionClock clock;

  EightWeekLetter(RegimeCalendars calendars, DecisionClock clock) {
    this.calendars = calendars;
    this.clock = clock;
  }

  public Date dueAt(DelegateExecution execution) {
    Date deadline = DECISION_DUE_AT.get(execution);
    ZonedDateTime due = deadline.toInstant().atZone(calendars.forRegime(REGIME.get(execution)).zone());
    ZonedDateTime lastDay = due.truncatedTo(ChronoUnit.DAYS);
    Date received = RECEIVED_AT.get(execution);
    return received != null && lastDay.toInstant().isAfter(received.toInstant()) ? Date.from(lastDay.toInstant())
        : deadline;
  }

  /** Still owed when no final response (nor summary resolution) was issued and the case is open. */
  public boolean isOwed(DelegateExecution execution) {
    return clock.isOpen(COMPLAINT_NUMBER.get(execution));
  }
}
