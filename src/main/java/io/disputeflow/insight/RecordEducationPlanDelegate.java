package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.DELIVERY_DUE_AT;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_AUDIENCE;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_CHANNEL;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_MATERIALS;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_PLANNED_ON;

import io.disputeflow.time.BankTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_education_plan: the department's plan goes on file (audience, channel, materials, date),
 * in the transaction that completes "Plan education action"; its delivery falls due a week after the date.
 */
@Component
class RecordEducationPlanDelegate implements JavaDelegate {

  /** The channels of plan-education-action.form. */
  static final List<String> CHANNELS = List.of("BRANCH_TALK", "APP_NOTICE", "COMMUNITY_EVENT", "WECHAT_ARTICLE",
      "SMS", "MEDIA", "OTHER");
  private static final int DELIVERY_GRACE_DAYS = 7;

  private final EducationActionRepository actions;
  private final ZoneId zone;

  RecordEducationPlanDelegate(EducationActionRepository actions, BankTime bankTime) {
    this.actions = actions;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String audience = EducationForms.text(EDUCATION_AUDIENCE.get(execution), "educationAudience", true, 500);
    String channel = EducationForms.text(EDUCATION_CHANNEL.get(execution), "educationChannel", true, 30);
    if (!CHANNELS.contains(channel)) {
      throw EducationForms.refused("educationChannel '" + channel + "' is not one of " + CHANNELS);
    }
    String materials = EducationForms.text(EDUCATION_MATERIALS.get(execution), "educationMaterials", true, 4000);
    LocalDate plannedOn = EducationForms.date(EDUCATION_PLANNED_ON.get(execution), "educationPlannedOn");
    actions.recordPlan(execution.getProcessBusinessKey(), audience, channel, materials, plannedOn,
        EducationForms.user(execution));
    DELIVERY_DUE_AT.set(execution, Date.from(plannedOn.plusDays(DELIVERY_GRACE_DAYS).atStartOfDay(zone).toInstant()));
  }
}
