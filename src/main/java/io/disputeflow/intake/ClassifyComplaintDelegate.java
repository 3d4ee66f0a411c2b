package io.disputeflow.intake;

import static io.disputeflow.process.ComplaintVariables.CATEGORY;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_AGE;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENTS;
import static io.disputeflow.process.ComplaintVariables.DEPARTMENT_NAMES;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.LEGAL_NEEDED;
import static io.disputeflow.process.ComplaintVariables.PRIORITY;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Department;
import java.util.stream.Collectors;
import io.disputeflow.deadline.ModelFaultHandling;
import io.disputeflow.process.TaskInput;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_classify_complaint: category, priority, departments and legal need from DMN. A deployed
 * classification that cannot be used throws the BPMN error intake catches (onModelFault BPMN_ERROR), so
 * the complaint is recorded and intake answers 201; the asynchronous retry (INCIDENT) fails as a job,
 * an incident in Cockpit until the model is fixed.
 */
@Component
class ClassifyComplaintDelegate implements JavaDelegate {

  @TaskInput(ModelFaultHandling.class)
  static final String ON_MODEL_FAULT = "onModelFault";

  private final ClassificationService classification;
  private final ComplaintRepository complaints;

  ClassifyComplaintDelegate(ClassificationService classification, ComplaintRepository complaints) {
    this.classification = classification;
    this.complaints = complaints;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object onFault = execution.getVariableLocal(ON_MODEL_FAULT);
    try {
      classify(execution);
    } catch (ClassificationModelFault fault) {
      if (onFault != null && ModelFaultHandling.valueOf(onFault.toString()) == ModelFaultHandling.BPMN_ERROR) {
        throw new BpmnError(ClassificationModelFault.ERROR_CODE, fault.getMessage());
      }
      throw fault;
    }
  }

  private void classify(DelegateExecution execution) {
    Classification result = classification.classify(PRODUCT.get(execution), ISSUE.get(execution),
        Boolean.TRUE.equals(CUSTOMER_VULNERABLE.get(execution)), CUSTOMER_AGE.get(execution),
        CHANNEL.get(execution), DISPUTED_AMOUNT.get(execution));
    CATEGORY.set(execution, result.category());
    PRIORITY.set(execution, result.priority());
    DEPARTMENTS.set(execution, result.departments());
    DEPARTMENT_NAMES.set(execution,
        result.departments().stream().map(Department::labelOf).collect(Collectors.joining(", ")));
    LEGAL_NEEDED.set(execution, result.legalNeeded());
    complaints.updateClassification(COMPLAINT_NUMBER.get(execution), result.category(), result.priority(),
        result.departments(), result.legalNeeded());
  }
}
