package io.disputeflow.insight;

import static io.disputeflow.process.PolicyImprovementProcess.DEPARTMENT;
import static io.disputeflow.process.PolicyImprovementProcess.DEPARTMENT_LABEL;
import static io.disputeflow.process.PolicyImprovementProcess.LINKED_COMPLAINTS;
import static io.disputeflow.process.PolicyImprovementProcess.LINKED_COMPLAINT_COUNT;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE;
import static io.disputeflow.process.PolicyImprovementProcess.ROOT_CAUSE_LABEL;
import static io.disputeflow.process.PolicyImprovementProcess.TRIGGER_REASON;
import static io.disputeflow.process.PolicyImprovementProcess.VERIFY_AFTER;

import io.disputeflow.complaint.ComplaintClosed;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Department;
import io.disputeflow.complaint.Product;
import io.disputeflow.feedback.RootCause;
import io.disputeflow.insight.PolicyImprovementRepository.Improvement;
import io.disputeflow.insight.PolicyImprovementRepository.LinkedComplaint;
import io.disputeflow.process.PolicyImprovementProcess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * 溯源整改: when a complaint closes, its root cause may start a policy improvement for the owning
 * department — because the coordinator marked it systemic, or because the same root cause and
 * department closed {@code repeat-threshold} times within {@code repeat-window}. While one is open
 * for that department and cause, further triggers join it instead of opening another.
 */
@Service
public class PolicyImprovementService {

  enum Trigger { SYSTEMIC, REPEATED }

  /** The forms' list of linked complaints stays within an engine string variable; the link table holds them all. */
  private static final int LIST_LENGTH = 3_800;

  private final ComplaintRepository complaints;
  private final PolicyImprovementRepository improvements;
  private final RuntimeService runtimeService;
  private final PolicyImprovementProperties properties;
  private final Clock clock;

  PolicyImprovementService(ComplaintRepository complaints, PolicyImprovementRepository improvements,
      RuntimeService runtimeService, PolicyImprovementProperties properties, Clock clock) {
    this.complaints = complaints;
    this.improvements = improvements;
    this.runtimeService = runtimeService;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Runs in the closing transaction: a failure here rolls the closing back, so no trigger is lost.
   * Closings of the same department and cause wait for each other here (one lock row), so cases closing
   * at once count each other, open one improvement and update its variables one after the other.
   */
  @EventListener
  void onComplaintClosed(ComplaintClosed closed) {
    consider(closed.complaintNumber());
  }

  /** The business key of the improvement the complaint started or joined, if it triggered one. */
  Optional<String> consider(String complaintNumber) {
    ComplaintRecord complaint = complaints.find(complaintNumber).orElseThrow();
    String department = complaint.rootCauseDepartment();
    String rootCause = complaint.rootCause();
    if (department == null || rootCause == null) {
      return Optional.empty();
    }
    improvements.lock(department, rootCause);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> recent = improvements.closedWithRootCause(department, rootCause,
        now.minus(properties.repeatWindow()), now);
    Trigger trigger;
    List<String> causing;
    if (Boolean.TRUE.equals(complaint.systemicCause())) {
      trigger = Trigger.SYSTEMIC;
      causing = List.of(complaintNumber);
    } else if (recent.size() >= properties.repeatThreshold()) {
      trigger = Trigger.REPEATED;
      causing = recent;
    } else {
      return Optional.empty();
    }
    Optional<Improvement> open = improvements.findOpen(department, rootCause);
    if (open.isPresent()) {
      causing.forEach(number -> improvements.link(open.get().id(), number, trigger.name(), now));
      runtimeService.setVariables(open.get().processInstanceId(), linkVariables(open.get().id()));
      return Optional.of(open.get().businessKey());
    }
    long id = improvements.open(department, rootCause, trigger.name(), now);
    causing.forEach(number -> improvements.link(id, number, trigger.name(), now));
    String businessKey = businessKey(department, id);
    Map<String, Object> variables = linkVariables(id);
    DEPARTMENT.put(variables, department);
    DEPARTMENT_LABEL.put(variables, Department.labelOf(department));
    ROOT_CAUSE.put(variables, rootCause);
    ROOT_CAUSE_LABEL.put(variables, RootCause.of(rootCause).map(RootCause::label).orElse(rootCause));
    TRIGGER_REASON.put(variables, trigger.name());
    VERIFY_AFTER.put(variables, properties.verifyAfterIso());
    String processInstanceId = runtimeService
        .startProcessInstanceByKey(PolicyImprovementProcess.KEY, businessKey, variables).getId();
    improvements.setProcess(id, businessKey, processInstanceId);
    return Optional.of(businessKey);
  }

  /** PI-CARDS-7: the department's short name, then the improvement's id. */
  static String businessKey(String department, long id) {
    return "PI-" + Department.ofGroup(department).map(Enum::name).orElse(department) + "-" + id;
  }

  private Map<String, Object> linkVariables(long id) {
    List<LinkedComplaint> linked = improvements.linkedComplaints(id);
    StringBuilder list = new StringBuilder();
    int listed = 0;
    for (LinkedComplaint c : linked) {
      String issue = c.issue().length() <= 80 ? c.issue() : c.issue().substring(0, 79) + "…";
      String line = "- " + c.complaintNumber() + " · " + productLabel(c.product()) + " · " + issue
          + (Trigger.SYSTEMIC.name().equals(c.triggerReason()) ? " (systemic / 系统性)" : "") + "\n";
      if (list.length() + line.length() > LIST_LENGTH) {
        break;
      }
      list.append(line);
      listed++;
    }
    if (listed < linked.size()) {
      list.append("- … ").append(linked.size() - listed).append(" more / 另有 ").append(linked.size() - listed)
          .append(" 件\n");
    }
    Map<String, Object> variables = new HashMap<>();
    LINKED_COMPLAINTS.put(variables, list.toString());
    LINKED_COMPLAINT_COUNT.put(variables, (long) linked.size());
    return variables;
  }

  private static String productLabel(String product) {
    try {
      return Product.valueOf(product).label();
    } catch (IllegalArgumentException unknown) {
      return product;
    }
  }
}
