package io.disputeflow.recusal;

import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.process.TaskActor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Recusal: nobody handles a complaint about themselves. An employee is the complaint's
 * customer when their Camunda user carries the complaint's customer id as user info
 * {@value #CUSTOMER_ID_INFO} (employees who bank with us), or when their e-mail address is the
 * customer's. Such a user may neither take (assignment) nor complete any task of the case; the engine
 * refuses whichever client is used.
 */
public class RecusalListener implements TaskListener {

  /** Camunda user info key holding an employee's own customer id. */
  public static final String CUSTOMER_ID_INFO = "customerId";

  private final ObjectProvider<ComplaintRepository> complaints;

  RecusalListener(ObjectProvider<ComplaintRepository> complaints) {
    this.complaints = complaints;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = TaskActor.of(task);
    String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (actor == null || number == null) {
      return;
    }
    ComplaintRecord complaint = complaints.getObject().find(number).orElse(null);
    if (complaint != null && isCustomer(task.getProcessEngineServices().getIdentityService(), actor, complaint)) {
      throw new RecusalException("Recusal: " + actor + " is the customer of complaint " + number
          + " and may not handle it; another colleague must");
    }
  }

  private static boolean isCustomer(IdentityService identityService, String userId, ComplaintRecord complaint) {
    String ownCustomerId = identityService.getUserInfo(userId, CUSTOMER_ID_INFO);
    if (complaint.customerId() != null && complaint.customerId().equalsIgnoreCase(trim(ownCustomerId))) {
      return true;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user != null && user.getEmail() != null && complaint.customerEmail() != null
        && user.getEmail().trim().equalsIgnoreCase(complaint.customerEmail().trim());
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
