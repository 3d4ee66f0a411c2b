package io.disputeflow.deadline;

import static io.disputeflow.process.ClockActionProcess.CLOCK_ACTION;
import static io.disputeflow.process.ClockActionProcess.CLOCK_ACTION_REASON;
import static io.disputeflow.process.ClockActionProcess.EXTENSION_AWAITING_APPROVAL;
import static io.disputeflow.process.ClockActionProcess.PAUSED_SINCE_TEXT;
import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.EXTENSIONS_USED;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.process.ClockActionProcess;
import io.disputeflow.process.ComplaintHandlingProcess;
import io.disputeflow.refusal.TaskActionRefusedException;
import io.disputeflow.time.BankTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * service_apply_clock_action: the Tasklist start form "Decision clock" asks {@link ClockActions}
 * exactly what the API's clock endpoints ask, in the transaction that starts the form's process;
 * a refusal names the form's field and rolls the start back. Afterwards the clock's state (as the
 * API shows it) is kept on the instance for the task that shows it to who asked.
 */
@Component
class ApplyClockActionDelegate implements JavaDelegate {

  /** What the form offers. */
  enum Action {
    REQUEST_EXTENSION,
    PAUSE,
    RESUME,
    PROVISIONAL_CREDIT
  }

  static final int MAX_REASON = 2000;
  private static final String NUMBER_FIELD = "Complaint number / 投诉编号 (complaintNumber) ";
  private static final String ACTION_FIELD = "Action / 操作 (clockAction) ";
  private static final String REASON_FIELD = "Reason / 理由 (clockActionReason) ";
  private static final String AMOUNT_FIELD = "Amount credited / 入账金额 (provisionalCreditAmount) ";
  private static final String CURRENCY_FIELD = "Currency / 币种 (provisionalCreditCurrency) ";
  private static final String DATE_FIELD = "Credited on / 入账日期 (provisionalCreditDate) ";

  private final ClockActions actions;
  private final ComplaintRepository complaints;
  private final ClockRepository clocks;
  private final RegimeCalendars calendars;
  private final Clock clock;
  private final ZoneId zone;

  ApplyClockActionDelegate(ClockActions actions, ComplaintRepository complaints, ClockRepository clocks,
      RegimeCalendars calendars, Clock clock, BankTime bankTime) {
    this.calendars = calendars;
    this.actions = actions;
    this.complaints = complaints;
    this.clocks = clocks;
    this.clock = clock;
    this.zone = bankTime.zone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = COMPLAINT_NUMBER.get(execution) == null ? "" : COMPLAINT_NUMBER.get(execution).trim();
    if (number.isEmpty()) {
      throw refused(NUMBER_FIELD + "is required", "请填写投诉编号");
    }
    Action action = Arrays.stream(Action.values()).filter(a -> a.name().equals(CLOCK_ACTION.get(execution)))
        .findFirst().orElseThrow(() -> refused(ACTION_FIELD + (CLOCK_ACTION.get(execution) == null ? "is required"
            : "'" + CLOCK_ACTION.get(execution) + "' is not one of " + Arrays.toString(Action.values())), "请选择操作"));
    String reason = CLOCK_ACTION_REASON.get(execution) == null ? "" : CLOCK_ACTION_REASON.get(execution).trim();
    if ((action == Action.PAUSE || action == Action.REQUEST_EXTENSION) && reason.isEmpty()) {
      throw refused(REASON_FIELD + "is required to " + (action == Action.PAUSE ? "pause the clock" : "ask for an extension"),
          "请填写理由");
    }
    if (reason.length() > MAX_REASON) {
      throw refused(REASON_FIELD + "is longer than " + MAX_REASON + " characters", "理由不得超过" + MAX_REASON + "字");
    }
    try {
      switch (action) {
        case REQUEST_EXTENSION -> actions.requestExtension(number, reason);
        case PAUSE -> actions.pause(number, reason);
        case RESUME -> actions.resume(number);
        case PROVISIONAL_CREDIT -> recordProvisionalCredit(execution, number);
      }
    } catch (ComplaintNotFoundException unknown) {
      throw refused(NUMBER_FIELD + "names no complaint: " + number, "没有编号为 " + number + " 的投诉");
    } catch (io.disputeflow.refusal.InvalidFieldException invalid) {
      throw refused(DATE_FIELD + invalid.getMessage(), "入账日期不得晚于今日");
    } catch (ClockActionRefusedException refusal) {
      throw refused((refusal.aboutTheCase() ? NUMBER_FIELD : ACTION_FIELD) + "cannot be done now: " + refusal.getMessage(),
          refusal.aboutTheCase() ? "该投诉已无运行中的处理时限" : "当前时限状态不允许此操作");
    }
    COMPLAINT_NUMBER.set(execution, number);
    showClock(execution, number, action);
  }

  /**
   * The form gives the day of the credit; it counts as made at the end of that day in the regime's zone
   * (a credit on the first period's last day is within it), or now when that is today.
   */
  private void recordProvisionalCredit(DelegateExecution execution, String number) {
    BigDecimal amount;
    try {
      amount = ClockActionProcess.PROVISIONAL_CREDIT_AMOUNT.get(execution);
      amount = amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException | ArithmeticException e) {
      amount = null;
    }
    if (amount == null || amount.signum() <= 0 || amount.precision() > 14) {
      throw refused(AMOUNT_FIELD + "must be an amount above 0 with at most 2 decimals", "请填写大于0、最多两位小数的金额");
    }
    String currency = ClockActionProcess.PROVISIONAL_CREDIT_CURRENCY.get(execution) == null ? ""
        : ClockActionProcess.PROVISIONAL_CREDIT_CURRENCY.get(execution).trim();
    if (!currency.matches("[A-Z]{3}")) {
      throw refused(CURRENCY_FIELD + "must be an ISO 4217 currency code such as USD", "请填写币种代码，例如 USD");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(String.valueOf(ClockActionProcess.PROVISIONAL_CREDIT_DATE.get(execution)).trim());
    } catch (DateTimeParseException e) {
      throw refused(DATE_FIELD + "is required (the day the credit was made)", "请填写入账日期");
    }
    String regime = clocks.clockOf(number).map(ClockRepository.ClockRecord::regime).orElse(null);
    ZoneId regimeZone = regime == null ? zone : calendars.forRegime(regime).zone();
    OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(regimeZone).minusNanos(1_000_000).toOffsetDateTime();
    OffsetDateTime now = OffsetDateTime.now(clock.withZone(regimeZone));
    if (day.isAfter(now.toLocalDate())) {
      throw refused(DATE_FIELD + "must not be in the future", "入账日期不得晚于今日");
    }
    actions.recordProvisionalCredit(number, amount, currency, endOfDay.isAfter(now) ? now : endOfDay);
  }

  private void showClock(DelegateExecution execution, String number, Action action) {
    ComplaintRecord complaint = complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    ClockRepository.ClockRecord deadlines = clocks.clockOf(number).orElseThrow();
    ClockState state = ClockState.of(deadlines,
        complaint.decidedAt() != null || complaint.status().ended(), OffsetDateTime.now(clock));
    CUSTOMER_NAME.set(execution, complaint.customerName());
    PRODUCT.set(execution, complaint.product().name());
    CLOCK_STATE.set(execution, state == null ? null : state.name());
    DECISION_DUE_AT.set(execution, deadlines.decisionDueAt() == null ? null
        : Date.from(deadlines.decisionDueAt().toInstant()));
    EXTENSIONS_USED.set(execution, (long) deadlines.extensionsUsed());
    PAUSED_SINCE_TEXT.set(execution, deadlines.pausedSince() == null ? null
        : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(deadlines.pausedSince().atZoneSameInstant(zone))
            + " (" + zone.getId() + ")");
    // the approval task of a request made just now is not in the database before this start commits
    EXTENSION_AWAITING_APPROVAL.set(execution, action == Action.REQUEST_EXTENSION || action == Action.PROVISIONAL_CREDIT
        || execution.getProcessEngineServices().getTaskService().createTaskQuery().processInstanceBusinessKey(number)
            .taskDefinitionKey(ComplaintHandlingProcess.USER_APPROVE_EXTENSION).count() > 0);
  }

  private static TaskActionRefusedException refused(String english, String chinese) {
    return new TaskActionRefusedException("The decision clock was not changed: " + english
        + ". / 处理时限未变更：" + chinese + "。", HttpStatus.BAD_REQUEST);
  }
}
