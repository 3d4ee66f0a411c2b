package io.disputeflow.operations;

import io.disputeflow.deadline.ClockState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the gauges and the health details show, read in one go from the database and the engine.
 *
 * @param openCases open cases (status OPEN or AWAITING_CUSTOMER) by stage, clock state and regime
 * @param letters letters by outbox status: QUEUED, SENDING, FAILED
 * @param oldestWaitingLetter when the oldest letter still waiting to go out (QUEUED or SENDING) was queued
 * @param jobsDue the engine's jobs due now with retries left: what the job executors have still to do
 * @param incidents open incidents by type (failedJob, failedExternalTask)
 */
record OperationsSnapshot(Instant readAt, List<OpenCases> openCases, Map<String, Long> letters,
    Instant oldestWaitingLetter, long policyImprovementsOpen, long earlyWarningsOpen, long jobsDue,
    Map<String, Long> incidents) {

  /** The label {@code clock_state}: the API's {@code ClockState}, and NONE before a case has a decision clock. */
  static final String NO_CLOCK = "NONE";
  static final List<String> CLOCK_STATES = Stream.concat(Stream.of(NO_CLOCK),
      Arrays.stream(ClockState.values()).map(ClockState::name)).toList();

  record OpenCases(String stage, String clockState, String regime, long count) {}

  long openCases(String stage, String clockState) {
    return openCases.stream().filter(c -> c.stage().equals(stage) && c.clockState().equals(clockState))
        .mapToLong(OpenCases::count).sum();
  }

  long openCasesOfRegime(String regime, String clockState) {
    return openCases.stream().filter(c -> regime.equals(c.regime()) && c.clockState().equals(clockState))
        .mapToLong(OpenCases::count).sum();
  }

  long letters(String status) {
    return letters.getOrDefault(status, 0L);
  }

  /** How long the oldest waiting letter has waited; zero when none waits. */
  Duration oldestLetterAge(Instant now) {
    return oldestWaitingLetter == null || oldestWaitingLetter.isAfter(now) ? Duration.ZERO
        : Duration.between(oldestWaitingLetter, now).truncatedTo(ChronoUnit.SECONDS);
  }

  long incidents(String type) {
    return incidents.getOrDefault(type, 0L);
  }
}
