package io.disputeflow.deadline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * FCA DISP 1.5.1R: a UK complaint resolved by close of business on the third business day following
 * the day of its receipt may close with a summary resolution communication (DISP 1.5.4R) instead of
 * a final response. The window ends at the end of that business day in the regime's calendar
 * ({@code P3BD}); under any other regime there is none.
 */
@Component
public class SummaryResolutionWindow {

  /** DISP 1.5.1R: the third business day following the day of receipt. */
  static final String WITHIN = "P3BD";

  private final RegimeCalendars calendars;
  private final Clock clock;

  SummaryResolutionWindow(RegimeCalendars calendars, Clock clock) {
    this.calendars = calendars;
    this.clock = clock;
  }

  /** The end of the window, or empty when the regime offers none (not a UK regime). */
  public Optional<OffsetDateTime> until(String regime, Date receivedAt) {
    if (regime == null || !regime.startsWith("UK-") || receivedAt == null) {
      return Optional.empty();
    }
    JurisdictionCalendar calendar = calendars.forRegime(regime);
    return Optional.of(calendar.dueAt(ZonedDateTime.ofInstant(receivedAt.toInstant(), calendar.zone()), WITHIN)
        .toOffsetDateTime());
  }

  /** Whether a summary resolution may be recorded now. */
  public boolean isOpen(String regime, Date receivedAt) {
    return until(regime, receivedAt).map(end -> !OffsetDateTime.now(clock).isAfter(end)).orElse(false);
  }
}
