package io.disputeflow.reopening;

import static io.disputeflow.process.ComplaintVariables.BILLING_CYCLE_CLOSING_DAY;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_AGE;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ComplaintVariables.INQUIRY_ONLY;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.NARRATIVE;
import static io.disputeflow.process.ComplaintVariables.PERIOD_STARTED_AT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT_LABEL;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_FOREIGN_INITIATED;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_NEW_ACCOUNT;
import static io.disputeflow.process.ComplaintVariables.TRANSFER_POINT_OF_SALE;

import io.disputeflow.complaint.CaseNotClosedException;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.Reopening;
import io.disputeflow.complaint.ReopeningRepository;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.process.ProcessVariable;
import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator or supervisor reopens a closed case. In one transaction: the reopening is recorded with what
 * the closed life decided, the complaint record is open again, and the case's next life starts in
 * complaint-handling ("Complaint reopened"): intake classifies it again, the regime's deadline-policy row
 * gives a new decision period counted from the reopening (the period's start, as for a repeat complaint with
 * new facts) and the customer is told the new deadline; then the handling runs as for any complaint.
 */
@Service
public class Reopenings {

  static final int MAX_REASON = 2000;
  /** What the process carries of the narrative, as at intake. */
  private static final int NARRATIVE_EXCERPT = 3990;
  /**
   * Facts of a Regulation E transfer that choose its deadline-policy row, carried over from the previous life
   * (with a Regulation Z notice's billing cycle).
   */
  private static final List<ProcessVariable<Boolean>> TRANSFER_FACTS = List.of(TRANSFER_NEW_ACCOUNT,
      TRANSFER_POINT_OF_SALE, TRANSFER_FOREIGN_INITIATED);

  private final ComplaintRepository complaints;
  private final ReopeningRepository reopenings;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ActingUser actingUser;
  private final Clock clock;
  private final ZoneId zone;

  Reopenings(ComplaintRepository complaints, ReopeningRepository reopenings, RuntimeService runtimeService,
      HistoryService historyService, ActingUser actingUser, Clock clock, BankTime bankTime) {
    this.complaints = complaints;
    this.reopenings = reopenings;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.actingUser = actingUser;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  /** Reopens a closed case; {@code reopenedBy} is who asked (the API's or Tasklist's user). */
  @Transactional
  public void reopen(String number, Reopening.Ground ground, String reason, String reopenedBy) {
    ComplaintRecord closed = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    if (closed.status() != ComplaintStatus.CLOSED) {
      throw new CaseNotClosedException("Complaint " + number + " is " + closed.status().name().toLowerCase(
          java.util.Locale.ROOT) + "; only a closed case can be reopened");
    }
    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintHandlingProcess.KEY)
        .processInstanceBusinessKey(number).count() > 0) {
      throw new CaseNotClosedException("Complaint " + number + " is still being handled; it cannot be reopened");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    reopenings.insert(closed, ground, reason.strip(), reopenedBy, now);
    complaints.reopen(number, now);
    Map<String, Object> variables = startVariables(closed, now);
    actingUser.run(() -> runtimeService.startProcessInstanceByMessage(
        ComplaintHandlingProcess.MESSAGE_COMPLAINT_REOPENED, number, variables));
  }

  /** What intake starts a case with, from the record; the regime and transfer facts as the last life had them. */
  private Map<String, Object> startVariables(ComplaintRecord r, OffsetDateTime reopenedAt) {
    Map<String, Object> variables = new HashMap<>();
    COMPLAINT_NUMBER.put(variables, r.complaintNumber());
    CUSTOMER_NAME.put(variables, r.customerName());
    CUSTOMER_VULNERABLE.put(variables, r.customerVulnerable());
    CUSTOMER_AGE.put(variables, r.customerBirthDate() == null ? null
        : (long) Period.between(r.customerBirthDate(), reopenedAt.atZoneSameInstant(zone).toLocalDate()).getYears());
    PRODUCT.put(variables, r.product().name());
    PRODUCT_LABEL.put(variables, r.product().label());
    ISSUE.put(variables, r.issue());
    NARRATIVE.put(variables, r.narrative().length() <= NARRATIVE_EXCERPT ? r.narrative()
        : r.narrative().substring(0, NARRATIVE_EXCERPT - 1) + "…");
    CHANNEL.put(variables, r.channel().name());
    RECEIVED_AT.put(variables, Date.from(r.receivedAt().toInstant()));
    DISPUTED_AMOUNT.put(variables, r.disputedAmount());
    DISPUTED_CURRENCY.put(variables, r.disputedCurrency());
    // a reopened case is a dispute to decide again, also when it began as an inquiry answered at first contact
    INQUIRY_ONLY.put(variables, false);
    REGIME.put(variables, r.regime());
    PERIOD_STARTED_AT.put(variables, Date.from(reopenedAt.toInstant()));
    lastLife(r.complaintNumber()).ifPresent(life -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(life.getId()).variableNameIn(java.util.stream.Stream.concat(
            TRANSFER_FACTS.stream().map(ProcessVariable::name), java.util.stream.Stream.of(BILLING_CYCLE_CLOSING_DAY.name()))
            .toArray(String[]::new)).list()
        .forEach((HistoricVariableInstance v) -> variables.put(v.getName(), v.getValue())));
    return variables;
  }

  private java.util.Optional<HistoricProcessInstance> lastLife(String number) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintHandlingProcess.KEY)
        .processInstanceBusinessKey(number).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .findFirst();
  }
}
