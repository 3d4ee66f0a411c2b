package io.disputeflow.intake;

import io.disputeflow.process.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code disputeflow_complaints_received_total}: every submission taken in, once its transaction committed. */
@Component
class IntakeMeters {

  private final MeterRegistry registry;

  IntakeMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** By the submission's channel and product, the case's regime (NONE before one is chosen) and the outcome. */
  void received(ComplaintSubmission submission, IntakeResult result) {
    var deadlines = result.complaint().deadlines();
    received(submission, result.outcome(), deadlines == null ? null : deadlines.regime());
  }

  void received(ComplaintSubmission submission, IntakeResult.Outcome outcome, String regime) {
    Counter counter = Counter.builder("disputeflow.complaints.received")
        .description("Complaints received: new cases (CREATED), merged into an open case, or resent (ALREADY_SUBMITTED)")
        .tag("channel", submission.channel().name())
        .tag("product", submission.product().name())
        .tag("regime", regime == null ? "NONE" : regime)
        .tag("outcome", outcome.name())
        .register(registry);
    AfterCommit.run(counter::increment);
  }
}
