package io.disputeflow.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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

  record OpenCases(String stage, CaseClock clock, String regime, long count) {}

  long openCases(String stage, CaseClock clock) {
    return openCases.stream().filter(c -> c.stage().equals(stage) && c.clock() == clock)
        .mapToLong(OpenCases::count).sum();
  }

  long openCasesOfRegime(String regime, CaseClock clock) {
    return openCases.stream().filter(c -> regime.equals(c.regime()) && c.clock() == clock)
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
