package io.disputeflow.tasklist;

import static io.disputeflow.process.ComplaintVariables.CLOCK_STATE;
import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.DECISION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.DECISION_WARNING_AT;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.LEGAL_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;
import static io.disputeflow.process.ComplaintVariables.RECEIVED_AT;
import static io.disputeflow.process.ComplaintVariables.REGIME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_DUE_AT;
import static io.disputeflow.process.ComplaintVariables.REVIEW_DUE_AT;

import io.disputeflow.complaint.Product;
import io.disputeflow.correspondence.LetterLinks;
import io.disputeflow.deadline.Regime;
import io.disputeflow.deadline.SummaryResolutionWindow;
import io.disputeflow.evidence.DocumentLinks;
import io.disputeflow.process.ProcessVariable;
import io.disputeflow.process.RedressPaymentProcess;
import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task's create and update: names the task after its complaint
 * ({@code Investigate CMP-2026-000042 · 王秀英 · Credit card}), puts the issue in its description and
 * refreshes the {@link TaskDisplay} variables. The clock's variables are read from the case's
 * top-level instance, which the clock keeps current; a called stage holds only a copy taken when
 * it started. An update comes with every claim, and with the clock's priority raises and due-date
 * moves, so what a coordinator sees follows the clock.
 */
@Component
class DescribeTaskListener implements TaskListener {

  /** Engine limits: ACT_RU_TASK.NAME_ and DESCRIPTION_. */
  static final int MAX_NAME = 255;
  static final int MAX_DESCRIPTION = 4000;

  private final ZoneId zone;
  private final DateTimeFormatter format;
  /** In a model's task name, stands for the customer: "Letter to customer could not be delivered". */
  static final String TO_CUSTOMER = " to customer ";

  private final DocumentLinks documents;
  private final LetterLinks letters;
  private final SummaryResolutionWindow summaryResolution;

  DescribeTaskListener(BankTime bankTime, DocumentLinks documents, LetterLinks letters,
      SummaryResolutionWindow summaryResolution) {
    this.zone = bankTime.zone();
    this.summaryResolution = summaryResolution;
    this.documents = documents;
    this.letters = letters;
    this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  }

  @Override
  public void notify(DelegateTask task) {
    String number = COMPLAINT_NUMBER.get(task);
    if (number == null) {
      return;
    }
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setName(title(task, number));
      task.setDescription(truncate(oneLine(ISSUE.get(task)), MAX_DESCRIPTION));
    }
    Map<String, Object> display = display(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // the case's documents as links; an upload refreshes them on the open tasks
      display.put(DocumentLinks.DOCUMENTS_TEXT, documents.linksFor(number));
      // the case's letters and their status; a change of status refreshes them on the open tasks
      display.put(LetterLinks.LETTERS_TEXT, letters.textFor(number));
    }
    // only what changed: every write is a history entry the auditors read
    display.forEach((name, value) -> {
      boolean present = task.hasVariableLocal(name);
      if ((value != null || present) && !(present && Objects.equals(task.getVariableLocal(name), value))) {
        task.setVariableLocal(name, value);
      }
    });
  }

  /** "Investigate complaint" becomes "Investigate CMP-… · customer · product": the number names the complaint. */
  private String title(DelegateTask task, String number) {
    String action = task.getName() == null ? "" : task.getName().replaceFirst(" complaint$", "");
    String customer = oneLine(CUSTOMER_NAME.get(task));
    if (action.contains(TO_CUSTOMER) && customer != null && !customer.isEmpty()) {
      // "Letter to 王秀英 could not be delivered · CMP-…": the customer is who the task is about
      return truncate(action.replace(TO_CUSTOMER, " to " + customer + " ") + " · " + number, MAX_NAME);
    }
    String product = PRODUCT.get(task);
    String productName = product == null ? null : Arrays.stream(Product.values())
        .filter(p -> p.name().equals(product)).map(Product::english).findFirst().orElse(product);
    StringBuilder title = new StringBuilder(action).append(' ').append(number);
    for (String part : new String[] {oneLine(CUSTOMER_NAME.get(task)), productName}) {
      if (part != null && !part.isEmpty()) {
        title.append(" · ").append(part);
      }
    }
    return truncate(title.toString().trim(), MAX_NAME);
  }

  private Map<String, Object> display(DelegateTask task) {
    DelegateExecution caseInstance = caseInstance(task);
    Map<String, Object> texts = new HashMap<>();
    texts.put(TaskDisplay.RECEIVED_AT_TEXT.name(), text(caseValue(caseInstance, task, RECEIVED_AT)));
    texts.put(TaskDisplay.DECISION_DUE_AT_TEXT.name(), text(caseValue(caseInstance, task, DECISION_DUE_AT)));
    texts.put(TaskDisplay.DECISION_WARNING_AT_TEXT.name(), text(caseValue(caseInstance, task, DECISION_WARNING_AT)));
    texts.put(TaskDisplay.REVIEW_DUE_AT_TEXT.name(), text(caseValue(caseInstance, task, REVIEW_DUE_AT)));
    texts.put(TaskDisplay.LEGAL_DUE_AT_TEXT.name(), text(caseValue(caseInstance, task, LEGAL_DUE_AT)));
    texts.put(TaskDisplay.REVERIFICATION_DUE_AT_TEXT.name(), text(REVERIFICATION_DUE_AT.get(task)));
    texts.put(TaskDisplay.CLOCK_STATE_TEXT.name(), clockLabel(caseValue(caseInstance, task, CLOCK_STATE)));
    String regime = caseValue(caseInstance, task, REGIME);
    texts.put(TaskDisplay.REGIME_TEXT.name(), regime == null ? null : Regime.labelOf(regime));
    Date receivedAt = caseValue(caseInstance, task, RECEIVED_AT);
    // offered in the form only while a summary resolution may still be recorded (the listener refuses it later)
    texts.put(TaskDisplay.SUMMARY_RESOLUTION_UNTIL_TEXT.name(), summaryResolution.isOpen(regime, receivedAt)
        ? text(Date.from(summaryResolution.until(regime, receivedAt).orElseThrow().toInstant())) : null);
    texts.put(TaskDisplay.REDRESS_DUE_AT_TEXT.name(), text(RedressPaymentProcess.REDRESS_DUE_AT.get(task)));
    // the filters' other columns: who works a task may read the task, not the whole case (authorizations)
    texts.put(COMPLAINT_NUMBER.name(), COMPLAINT_NUMBER.get(task));
    texts.put(CUSTOMER_NAME.name(), CUSTOMER_NAME.get(task));
    return texts;
  }

  /** The complaint-handling instance at the top of the call hierarchy. */
  private static DelegateExecution caseInstance(DelegateTask task) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }

  private static <T> T caseValue(DelegateExecution caseInstance, DelegateTask task, ProcessVariable<T> variable) {
    return caseInstance.hasVariableLocal(variable.name()) ? variable.get(caseInstance) : variable.get(task);
  }

  /** "2026-03-16 18:00 (Asia/Shanghai)": the bank's wall-clock time, whatever the browser's zone. */
  String text(Date date) {
    return date == null ? null : format.format(date.toInstant().atZone(zone)) + " (" + zone.getId() + ")";
  }

  private static String clockLabel(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "ON_TRACK" -> "On track / 正常";
      case "WARNING" -> "Due soon / 即将到期";
      case "OVERDUE" -> "Overdue / 已逾期";
      case "PAUSED" -> "Paused / 已暂停";
      default -> state;
    };
  }

  private static String oneLine(String text) {
    return text == null ? null : text.replaceAll("\\s+", " ").trim();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
