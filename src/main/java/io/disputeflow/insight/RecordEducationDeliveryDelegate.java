package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.DELIVERY_NOTES;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_HELD_ON;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_REACH;
import static io.disputeflow.process.FinancialEducationProcess.EFFECT_DUE_AT;

import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_education_delivery: when the action was held and how many people it reached go on file;
 * its effect is measured the verification period (90 days by default, as for a policy fix) after that day.
 */
@Component
class RecordEducationDeliveryDelegate implements JavaDelegate {

  private final EducationActionRepository actions;
  private final PolicyImprovementProperties properties;
  private final Clock clock;
  private final ZoneId zone;

  RecordEducationDeliveryDelegate(EducationActionRepository actions, PolicyImprovementProperties properties,
      Clock clock, BankTime bankTime) {
    this.actions = actions;
    this.properties = properties;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate heldOn = EducationForms.date(EDUCATION_HELD_ON.get(execution), "educationHeldOn");
    if (heldOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
      throw EducationForms.refused("educationHeldOn " + heldOn + " is in the future: record the action once it was held");
    }
    Object reachValue = execution.getVariable(EDUCATION_REACH.name());
    if (!(reachValue instanceof Number) || ((Number) reachValue).doubleValue() < 0
        || ((Number) reachValue).doubleValue() != Math.rint(((Number) reachValue).doubleValue())) {
      throw EducationForms.refused("educationReach must be the number of people reached (0 or more)");
    }
    long reach = EDUCATION_REACH.get(execution);
    String notes = EducationForms.text(DELIVERY_NOTES.get(execution), "deliveryNotes", false, 4000);
    actions.recordDelivery(execution.getProcessBusinessKey(), heldOn, reach, notes, EducationForms.user(execution));
    EFFECT_DUE_AT.set(execution,
        Date.from(IsoDurations.add(heldOn.atStartOfDay(zone), properties.verifyAfterIso()).toInstant()));
  }
}
