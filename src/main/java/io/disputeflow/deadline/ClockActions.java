package io.disputeflow.deadline;

import static io.disputeflow.process.ComplaintVariables.CLOCK_PAUSE_REASON;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REASON;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REQUESTED_AT;
import static io.disputeflow.process.ComplaintVariables.EXTENSION_REQUESTED_BY;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ComplaintHandlingProcess;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator's requests to the decision clock: an extension (approved in Tasklist by the
 * supervisor, then the head), and a pause for an external appraisal. Each is refused with a reason
 * when the case cannot take it now.
 */
@Service
public class ClockActions {

  private static final String REGULATION_E = "US-REG-E";

  private final ComplaintRepository complaints;
  private final ClockRepository clocks;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ActingUser actingUser;
  private final Clock clock;
  private final IdentityService identityService;
  private final HoldingReplyDeadline holdingReply;

  ClockActions(ComplaintRepository complaints, ClockRepository clocks, RuntimeService runtimeService, TaskService taskService,
      ActingUser actingUser, Clock clock, IdentityService identityService, HoldingReplyDeadline holdingReply) {
    this.holdingReply = holdingReply;
    this.identityService = identityService;
    this.complaints = complaints;
    this.clocks = clocks;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.actingUser = actingUser;
    this.clock = clock;
  }

  @Transactional
  public void requestExtension(String number, String reason) {
    undecided(number);
    holdingReply.refuseRequestIfPassed(number);
    var current = clocks.clockOf(number);
    if (current.map(ClockRepository.ClockRecord::regime).filter(REGULATION_E::equals).isPresent()
        && current.get().provisionalCredit() == null) {
      throw new ClockActionRefusedException("Under Regulation E (12 CFR 1005.11(c)(2)) the longer period of complaint "
          + number + " needs provisional credit within the first period: record it with POST /api/complaints/"
          + number + "/clock/provisional-credit, which asks for the extension");
    }
    if (clocks.clockOf(number).map(ClockRepository.ClockRecord::extensionsUsed).orElse(0) >= 2) {
      throw new ClockActionRefusedException("Complaint " + number
          + " has had both extensions the regulation allows (to 30 and 60 days); a third is not possible");
    }
    if (taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ComplaintHandlingProcess.USER_APPROVE_EXTENSION).count() > 0) {
      throw new ClockActionRefusedException("An extension of complaint " + number + " is already awaiting approval");
    }
    Map<String, Object> variables = new HashMap<>();
    EXTENSION_REASON.put(variables, reason);
    EXTENSION_REQUESTED_BY.put(variables, currentUser());
    EXTENSION_REQUESTED_AT.put(variables, Date.from(clock.instant()));
    // local: each request starts its own event subprocess and keeps its own reason
    correlate(number, ComplaintHandlingProcess.MESSAGE_EXTENSION_REQUEST, variables, true,
        "Complaint " + number + " has no running decision clock to extend");
  }

  /**
   * Regulation E, 12 CFR 1005.11(c)(2)(i): the provisional credit given within the first period (10,
   * or 20 business days), recorded as the clock action it is; it asks for the longer period (45 or 90
   * days from the notice), which the supervisor approves as any extension.
   */
  @Transactional
  public void recordProvisionalCredit(String number, java.math.BigDecimal amount, String currency,
      java.time.OffsetDateTime creditedAt) {
    undecided(number);
    if (creditedAt.toInstant().isAfter(clock.instant())) {
      throw new io.disputeflow.refusal.InvalidFieldException("creditedAt", "must not be in the future");
    }
    ClockRepository.ClockRecord current = clocks.clockOf(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    if (!REGULATION_E.equals(current.regime())) {
      throw new ClockActionRefusedException("Complaint " + number + " runs under " + current.regime()
          + ": provisional credit extends only a Regulation E investigation (US-REG-E)");
    }
    if (current.provisionalCredit() != null) {
      throw new ClockActionRefusedException("Complaint " + number + " already has its provisional credit, given "
          + current.provisionalCredit().creditedAt());
    }
    if (current.originalDecisionDueAt() != null && creditedAt.isAfter(current.originalDecisionDueAt())) {
      throw new ClockActionRefusedException("The credit of " + creditedAt + " came after the first period ended ("
          + current.originalDecisionDueAt() + "): 12 CFR 1005.11(c)(2) allows the longer period only with provisional"
          + " credit within it");
    }
    clocks.recordProvisionalCredit(number, new ClockRepository.ProvisionalCredit(amount, currency, creditedAt,
        currentUser()));
    requestExtension(number, "Provisional credit of " + amount.toPlainString() + " " + currency + " given on "
        + creditedAt + " (12 CFR 1005.11(c)(2)(i))");
  }

  /**
   * Only 《银行业保险业消费投诉处理管理办法》 excludes appraisal (第十八条第二款) and mediation (第二十三条)
   * time from the period; DISP counts 8 weeks or 15 business days from receipt and Regulations E and Z
   * and the CFPB count from the notice, so under them the clock cannot be paused.
   */
  @Transactional
  public void pause(String number, String reason) {
    undecided(number);
    String regime = clocks.clockOf(number).map(ClockRepository.ClockRecord::regime).orElse(null);
    if (regime != null && !Regime.CN_CBIRC_2020.code().equals(regime)) {
      throw new ClockActionRefusedException("Complaint " + number + " runs under " + regime + ", whose period runs"
          + " from receipt without pauses: only CN-CBIRC-2020 excludes appraisal or mediation time (第十八条第二款,"
          + " 第二十三条); the deadline and its letters stay as they are");
    }
    Map<String, Object> variables = new HashMap<>();
    CLOCK_PAUSE_REASON.put(variables, reason);
    correlate(number, ComplaintHandlingProcess.MESSAGE_CLOCK_PAUSE, variables, false,
        "The clock of complaint " + number + " cannot be paused now (already paused, or past its deadline)");
  }

  @Transactional
  public void resume(String number) {
    undecided(number);
    correlate(number, ComplaintHandlingProcess.MESSAGE_CLOCK_RESUME, Map.of(), false,
        "The clock of complaint " + number + " is not paused");
  }

  private void undecided(String number) {
    var complaint = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    if (complaint.decidedAt() != null || complaint.status().ended()) {
      throw ClockActionRefusedException.aboutTheCase(
          "Complaint " + number + " is already decided; its decision clock has stopped");
    }
  }

  private void correlate(String number, String message, Map<String, Object> variables, boolean local,
      String refusal) {
    String mainInstance = mainInstanceId(number);
    boolean waiting = runtimeService.createEventSubscriptionQuery().eventType("message").eventName(message)
        .processInstanceId(mainInstance).count() > 0;
    if (!waiting) {
      throw new ClockActionRefusedException(refusal);
    }
    try {
      actingUser.run(() -> {
        var correlation = runtimeService.createMessageCorrelation(message).processInstanceId(mainInstance);
        (local ? correlation.setVariablesLocal(variables) : correlation.setVariables(variables)).correlateWithResult();
      });
    } catch (MismatchingMessageCorrelationException e) {
      throw new ClockActionRefusedException(refusal);
    }
  }

  private String mainInstanceId(String number) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult();
    if (instance == null) {
      throw ClockActionRefusedException.aboutTheCase("Complaint " + number + " has no running case");
    }
    return instance.getId();
  }

  /** Who asks: the API's caller, or the engine's authenticated user when asked in Tasklist. */
  private String currentUser() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null) {
      return authentication.getName();
    }
    return EngineUser.id(identityService);
  }
}
