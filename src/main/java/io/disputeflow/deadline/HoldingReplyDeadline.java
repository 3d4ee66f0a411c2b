package io.disputeflow.deadline;

import io.disputeflow.refusal.TaskActionRefusedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * FCA DISP 1.6.2AR: in exceptional circumstances a payment-services complaint may take up to 35
 * business days, but only if the holding reply went out within the 15 business days after the day of
 * receipt. After them the extension (whose notice is the holding reply) can no longer be requested or
 * approved: the final reply is simply overdue and the clock escalates it.
 */
@Component
public class HoldingReplyDeadline {

  static final String REGIME = Regime.UK_FCA_DISP_PSD.code();

  private final ClockRepository clocks;
  private final RegimeCalendars calendars;
  private final Clock clock;

  HoldingReplyDeadline(ClockRepository clocks, RegimeCalendars calendars, Clock clock) {
    this.clocks = clocks;
    this.calendars = calendars;
    this.clock = clock;
  }

  /** The end of the 15 business days when the complaint is a payment-services one and they have passed; else empty. */
  Optional<OffsetDateTime> passed(String number) {
    return clocks.clockOf(number).filter(record -> REGIME.equals(record.regime()))
        .map(ClockRepository.ClockRecord::originalDecisionDueAt)
        .filter(end -> OffsetDateTime.now(clock).isAfter(end))
        .map(end -> end.atZoneSameInstant(calendars.forRegime(REGIME).zone()).toOffsetDateTime());
  }

  /** A request after the deadline: 409 through the API and the Tasklist clock form. */
  void refuseRequestIfPassed(String number) {
    passed(number).ifPresent(end -> {
      throw new ClockActionRefusedException(message(number, end));
    });
  }

  /** An approval after the deadline: 400 naming the approval field; the task stays open to be refused. */
  void refuseIfPassed(String number, String field) {
    passed(number).ifPresent(end -> {
      throw new TaskActionRefusedException(field + ": " + message(number, end), HttpStatus.BAD_REQUEST);
    });
  }

  private static String message(String number, OffsetDateTime end) {
    return "the holding reply of payment-services complaint " + number + " had to be sent by the end of the 15th"
        + " business day after receipt (" + end + ", FCA DISP 1.6.2AR); an extension to 35 business days can no"
        + " longer be granted: refuse it and send the final reply, which is overdue";
  }
}
