package io.disputeflow.insight;

import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_PRODUCT;
import static io.disputeflow.process.FinancialEducationProcess.EDUCATION_PRODUCT_LABEL;
import static io.disputeflow.process.FinancialEducationProcess.IMPROVEMENT_KEY;
import static io.disputeflow.process.PolicyImprovementProcess.DEPARTMENT;
import static io.disputeflow.process.PolicyImprovementProcess.DEPARTMENT_LABEL;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE_LABEL;
import static io.disputeflow.process.PolicyImprovementProcess.VERIFY_AFTER;

import io.disputeflow.complaint.Department;
import io.disputeflow.complaint.Product;
import io.disputeflow.process.FinancialEducationProcess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_open_education_action (policy-improvement) and service_open_follow_up_action
 * (financial-education): opens a financial-education action for the department's product and root cause
 * and starts its process ({@code EA-<id>}). From a policy improvement the product is the one its analysis
 * names, else the product most of its linked complaints are about; a follow-up keeps its action's.
 */
@Component
class OpenEducationActionDelegate implements JavaDelegate {

  private final EducationActionRepository actions;
  private final PolicyImprovementRepository improvements;
  private final PolicyImprovementProperties properties;
  private final Clock clock;

  OpenEducationActionDelegate(EducationActionRepository actions, PolicyImprovementRepository improvements,
      PolicyImprovementProperties properties, Clock clock) {
    this.actions = actions;
    this.improvements = improvements;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean followUp = IMPROVEMENT_KEY.get(execution) != null;
    String improvementKey = followUp ? IMPROVEMENT_KEY.get(execution) : execution.getProcessBusinessKey();
    String department = DEPARTMENT.get(execution);
    String rootCause = ROOT_CAUSE.get(execution);
    Product product = productOf(EDUCATION_PRODUCT.get(execution), improvementKey);
    long id = actions.open(improvementKey, followUp ? execution.getProcessBusinessKey() : null, department,
        rootCause, product.name(), OffsetDateTime.now(clock));
    String businessKey = "EA-" + id;
    Map<String, Object> variables = new HashMap<>();
    DEPARTMENT.put(variables, department);
    DEPARTMENT_LABEL.put(variables, Department.labelOf(department));
    ROOT_CAUSE.put(variables, rootCause);
    ROOT_CAUSE_LABEL.put(variables, ROOT_CAUSE_LABEL.get(execution));
    EDUCATION_PRODUCT.put(variables, product.name());
    EDUCATION_PRODUCT_LABEL.put(variables, product.label());
    IMPROVEMENT_KEY.put(variables, improvementKey);
    VERIFY_AFTER.put(variables, properties.verifyAfterIso());
    String processInstanceId = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(FinancialEducationProcess.KEY, businessKey, variables).getId();
    actions.setProcess(id, businessKey, processInstanceId);
  }

  /** The product named, or the one most of the improvement's complaints are about. */
  private Product productOf(String named, String improvementKey) {
    if (named != null && Arrays.stream(Product.values()).anyMatch(p -> p.name().equals(named))) {
      return Product.valueOf(named);
    }
    Map<String, Long> counts = new HashMap<>();
    improvements.findByBusinessKey(improvementKey).ifPresent(improvement -> improvements
        .linkedComplaints(improvement.id()).forEach(c -> counts.merge(c.product(), 1L, Long::sum)));
    return counts.entrySet().stream()
        .filter(e -> Arrays.stream(Product.values()).anyMatch(p -> p.name().equals(e.getKey())))
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder())))
        .map(e -> Product.valueOf(e.getKey())).orElse(Product.OTHER);
  }
}
