package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.COMPLAINTS_BEFORE;
import static io.disputeflow.process.FinancialEducationProcess.COMPLAINTS_SINCE;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_HELD_ON;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_PRODUCT;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE;

import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_measure_education_effect: evidence for the assessor, counted as a policy fix's recurrence —
 * complaints of the product with the root cause closed since the day the action was held, against the
 * same length of time before it.
 */
@Component
class MeasureEducationEffectDelegate implements JavaDelegate {

  private final EducationActionRepository actions;
  private final Clock clock;
  private final ZoneId zone;

  MeasureEducationEffectDelegate(EducationActionRepository actions, Clock clock,
      BankTime bankTime) {
    this.actions = actions;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime heldAt = LocalDate.parse(EDUCATION_HELD_ON.get(execution).substring(0, 10)).atStartOfDay(zone)
        .toOffsetDateTime();
    String product = EDUCATION_PRODUCT.get(execution);
    String rootCause = ROOT_CAUSE.get(execution);
    Recurrence effect = Recurrence.around(heldAt, now,
        (after, upTo) -> actions.closedWithProductAndCause(product, rootCause, after, upTo));
    COMPLAINTS_BEFORE.set(execution, effect.before());
    COMPLAINTS_SINCE.set(execution, effect.since());
    actions.recordEffect(execution.getProcessBusinessKey(), effect.before(), effect.since(), now);
  }
}
