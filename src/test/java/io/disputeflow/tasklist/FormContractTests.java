package io.disputeflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The forms and the models agree: every user task has its form; every field a form submits is
 * read by the model (an expression, a delegate or listener, or a later step's form), and every
 * variable the models' expressions read is supplied by a form, our code or the engine. Read from
 * the files the process owners edit, like a reviewer would.
 */
class FormContractTests {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path MAIN = Path.of("src/main/java");

  /** What each form asks: the decisions of its step (the spec this test holds the forms to). */
  private static final Map<String, Set<String>> FIELDS = new TreeMap<>(Map.ofEntries(
      Map.entry("answer-inquiry", Set.of("inquiryAnswer")),
      Map.entry("investigate-complaint", Set.of("investigationFindings", "departments", "summaryResolution", "decision",
          "legalNeeded")),
      Map.entry("review-department", Set.of("reviewFindings", "reviewRecommendation")),
      Map.entry("give-legal-opinion", Set.of("legalOpinion", "legalRisk")),
      Map.entry("propose-resolution", Set.of("decision", "compensationAmount", "decisionGrounds")),
      Map.entry("approve-compensation", Set.of("compensationApproved", "approvalComment")),
      Map.entry("approve-model-deployment", Set.of("deploymentApproved", "deploymentDecisionReason")),
      Map.entry("decide-reverification",
          Set.of("reverificationOutcome", "revisedCompensationAmount", "reverificationGrounds")),
      Map.entry("follow-up-dissatisfaction", Set.of("followUpNotes")),
      Map.entry("record-root-cause", Set.of("rootCause", "rootCauseDepartment", "systemicCause", "rootCauseNotes")),
      Map.entry("approve-extension", Set.of("extensionApproved", "extensionComment")),
      Map.entry("handle-overdue-complaint", Set.of("overdueAction", "overdueNotes")),
      Map.entry("handle-overdue-reverification", Set.of("overdueAction", "overdueNotes")),
      Map.entry("chase-department-review", Set.of("reviewChaseNotes")),
      Map.entry("chase-legal-opinion", Set.of("legalChaseNotes")),
      Map.entry("analyse-root-cause", Set.of("analysis", "actionPlan", "educationNeeded", "educationProduct")),
      Map.entry("plan-education-action", Set.of("educationAudience", "educationChannel", "educationPlannedOn",
          "educationMaterials")),
      Map.entry("record-education-delivery", Set.of("educationHeldOn", "educationReach", "deliveryNotes")),
      Map.entry("assess-education-effect", Set.of("educationEffective", "assessmentNotes", "anotherAction")),
      Map.entry("implement-policy-fix", Set.of("fixDescription")),
      Map.entry("verify-policy-fix", Set.of("fixEffective", "verificationNotes")),
      Map.entry("review-early-warning", Set.of("assessment", "actionsTaken")),
      Map.entry("register-complaint", Set.of("channel", "customerName", "customerId", "customerPhone", "customerEmail",
          "preferredLanguage", "customerVulnerable", "onBehalf", "representativeName", "representativeRelation",
          "representativePhone", "representativeEmail", "representativeAddress", "product", "issue", "narrative",
          "disputedAmount", "disputedCurrency")),
      Map.entry("complaint-registered", Set.of()),
      Map.entry("clock-action", Set.of("complaintNumber", "clockAction", "clockActionReason",
          "provisionalCreditAmount", "provisionalCreditCurrency", "provisionalCreditDate")),
      Map.entry("clock-status", Set.of()),
      Map.entry("pay-redress", Set.of("paymentOutcome", "paymentAccount", "paymentReference", "paymentFailureReason")),
      Map.entry("resolve-failed-payment", Set.of("paymentAccount", "failedPaymentNotes")),
      Map.entry("chase-redress-payment", Set.of("redressChaseNotes")),
      Map.entry("record-withdrawal", Set.of("complaintNumber", "withdrawalReason", "withdrawalConfirmed")),
      Map.entry("withdrawal-recorded", Set.of()),
      Map.entry("resolve-undelivered-letter", Set.of("letterAction", "newEmail")),
      Map.entry("register-external-referral", Set.of("complaintNumber", "referralBody", "referralOrganisation",
          "referralReference", "referredAtText", "responseDueAtText")),
      Map.entry("send-case-file", Set.of("caseFileNotes")),
      Map.entry("chase-case-file", Set.of("chaseCaseFileNotes")),
      Map.entry("record-referral-outcome", Set.of("referralOutcome", "furtherRedressAmount", "referralOutcomeNotes")),
      Map.entry("reopen-complaint", Set.of("complaintNumber", "reopeningGround", "reopeningReason")),
      Map.entry("reopening-recorded", Set.of())));

  /**
   * Forms about many complaints at once (an improvement, a spike), or about one letter of a complaint:
   * no one complaint's summary.
   */
  private static final Set<String> NOT_ABOUT_ONE_COMPLAINT = Set.of("analyse-root-cause", "implement-policy-fix",
      "verify-policy-fix", "review-early-warning", "approve-model-deployment", "resolve-undelivered-letter",
      "plan-education-action", "record-education-delivery", "assess-education-effect");

  /** Start forms and the notes they leave: they ask for or show a case, not the case file with its category. */
  private static final Set<String> NO_CASE_FILE = Set.of("register-complaint", "complaint-registered", "clock-action",
      "clock-status", "record-withdrawal", "withdrawal-recorded", "register-external-referral", "reopen-complaint",
      "reopening-recorded");

  /**
   * Answers no step of the process reads yet: they stay in the case's history (the audit timeline
   * shows them). Each is listed here, so adding a reader makes this test say to remove it.
   */
  private static final Map<String, String> HISTORY_ONLY = Map.of(
      "rootCauseNotes", "the complaint record keeps cause, department and systemic flag, not the notes",
      "overdueAction", "the supervisor's record of a breach",
      "overdueNotes", "the supervisor's record of a breach",
      "reviewChaseNotes", "the supervisor's record of a chase",
      "legalChaseNotes", "the supervisor's record of a chase",
      "redressChaseNotes", "the supervisor's record of a chase",
      "chaseCaseFileNotes", "the supervisor's record of a chase");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldGiveEveryUserTaskItsOwnFormBoundToItsDeployment() {
    Map<String, String> formOfTask = new TreeMap<>();
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        String binding = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
        assertThat(formRef).as("formRef of %s", task.getId()).isNotNull();
        assertThat(binding).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
        formOfTask.put(task.getId(), formRef);
      }
      // Tasklist's start forms (Start process)
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String formRef = start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (formRef != null) {
          assertThat(start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))
              .as("formRefBinding of %s", start.getId()).isEqualTo("deployment");
          formOfTask.put(start.getId(), formRef);
        }
      }
    }
    assertThat(new TreeSet<>(formOfTask.values())).containsExactlyElementsOf(FIELDS.keySet());
    assertThat(forms().keySet()).containsExactlyElementsOf(FIELDS.keySet());
  }

  @Test
  void shouldAskInEachFormWhatItsStepDecides() {
    forms().forEach((id, form) -> {
      assertThat(form.get("schemaVersion").asInt()).as("%s schemaVersion (form-js 1.8.7)", id).isEqualTo(16);
      assertThat(inputKeys(form)).as("fields of %s", id).isEqualTo(FIELDS.get(id));
    });
  }

  @Test
  void shouldReadEveryAnswerAFormSubmits() {
    String expressions = String.join("\n", bpmnExpressions());
    Set<String> readInJava = calledOn(String.join("\n", javaSources()), "get|from");
    Map<String, String> constants = complaintVariableConstants();
    Map<String, JsonNode> forms = forms();
    List<String> unread = new ArrayList<>();
    FIELDS.forEach((formId, keys) -> keys.forEach(key -> {
      String constant = constants.get(key);
      boolean read = Pattern.compile("\\b" + key + "\\b").matcher(expressions).find()
          || (constant != null && readInJava.contains(constant))
          || forms.entrySet().stream().anyMatch(other -> !other.getKey().equals(formId)
              && shownIn(other.getValue()).contains(key));
      if (read == HISTORY_ONLY.containsKey(key)) {
        unread.add(key + (read ? " is read now: take it off HISTORY_ONLY" : " is read by no step"));
      }
    }));
    assertThat(unread).isEmpty();
  }

  @Test
  void shouldSupplyEveryVariableTheModelsRead() {
    Set<String> supplied = new TreeSet<>();
    FIELDS.values().forEach(supplied::addAll);
    Map<String, String> constants = complaintVariableConstants();
    Set<String> setInJava = calledOn(String.join("\n", javaSources()), "set|setLocal|put");
    constants.forEach((name, constant) -> {
      if (setInJava.contains(constant)) {
        supplied.add(name);
      }
    });
    Set<String> read = new TreeSet<>();
    for (String expression : bpmnExpressions()) {
      Matcher identifier = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?!\\s*[.(\\w])").matcher(
          expression.replaceAll("'[^']*'", "''"));
      while (identifier.find()) {
        read.add(identifier.group(1));
      }
    }
    // engine-supplied names: the multi-instance element variable, DMN results, a start event's initiator, EL keywords
    read.removeAll(Set.of("execution", "department", "approverGroup", "initiator", "true", "false", "null", "and", "or",
        "not", "eq", "ne", "lt", "le", "gt", "ge", "empty"));
    read.removeIf(name -> name.endsWith("Delegate") || name.endsWith("Listener"));
    assertThat(supplied).containsAll(read);
  }

  @Test
  void shouldLabelEveryFieldAndOptionInEnglishAndChinese() {
    List<String> unlabelled = new ArrayList<>();
    forms().forEach((id, form) -> form.get("components").forEach(component -> {
      List<String> labels = new ArrayList<>();
      if (component.has("key")) {
        labels.add(component.path("label").asText(""));
      }
      component.path("values").forEach(option -> labels.add(option.path("label").asText("")));
      labels.stream().filter(label -> !label.matches("\\P{IsHan}+ / .*\\p{IsHan}.*"))
          .forEach(label -> unlabelled.add(id + ": '" + label + "'"));
    }));
    assertThat(unlabelled).isEmpty();
  }

  @Test
  void shouldShowEveryCategoryTheClassificationGivesByItsLabel() throws IOException {
    String dmn = Files.readString(PROCESSES.resolve("decisions/complaint-classification.dmn"));
    String decision = dmn.substring(dmn.indexOf("<decision id=\"complaint-classification\""));
    decision = decision.substring(0, decision.indexOf("</decision>"));
    Set<String> categories = new TreeSet<>();
    Matcher rule = Pattern.compile("<rule id=[^>]*>.*?<outputEntry[^>]*>\\s*<text>(?:&#34;|\")(\\w+)(?:&#34;|\")</text>",
        Pattern.DOTALL).matcher(decision);
    while (rule.find()) {
      categories.add(rule.group(1));
    }
    assertThat(categories).contains("BILLING_DISPUTE", "FRAUD", "OTHER");
    forms().entrySet().stream()
        .filter(form -> !NOT_ABOUT_ONE_COMPLAINT.contains(form.getKey()) && !NO_CASE_FILE.contains(form.getKey()))
        .forEach(form -> categories.forEach(category -> assertThat(form.getValue().toString())
        .as("%s shows %s by its label", form.getKey(), category).contains("category = \\\"" + category + "\\\" then")));
  }

  /**
   * Every identifier in the text directly followed by a call of one of the methods ("get|from"): one pass over
   * the sources, where a pattern per constant scanned them whole for each of the 75 constants (12 s of CPU).
   */
  private static Set<String> calledOn(String text, String methods) {
    Set<String> identifiers = new TreeSet<>();
    Matcher call = Pattern.compile("\\b([a-zA-Z_]\\w*)\\.(?:" + methods + ")\\(").matcher(text);
    while (call.find()) {
      identifiers.add(call.group(1));
    }
    return identifiers;
  }

  private static Set<String> inputKeys(JsonNode form) {
    Set<String> keys = new LinkedHashSet<>();
    form.get("components").forEach(component -> {
      if (component.has("key")) {
        keys.add(component.get("key").asText());
      }
    });
    return keys;
  }

  /** Every identifier a form's text and conditions show. */
  private static Set<String> shownIn(JsonNode form) {
    Set<String> names = new TreeSet<>();
    form.get("components").forEach(component -> {
      String text = component.path("text").asText("") + " " + component.path("conditional").path("hide").asText("");
      Matcher identifier = Pattern.compile("[a-zA-Z_]\\w*").matcher(text.replaceAll("\"[^\"]*\"", ""));
      while (identifier.find()) {
        names.add(identifier.group());
      }
    });
    return names;
  }

  private Map<String, JsonNode> forms() {
    Map<String, JsonNode> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(PROCESSES.resolve("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(Files.readString(file));
        assertThat(file.getFileName().toString()).isEqualTo(form.get("id").asText() + ".form");
        forms.put(form.get("id").asText(), form);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private static List<BpmnModelInstance> models() {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().map(f -> Bpmn.readModelFromFile(f.toFile()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text inside every ${…} and #{…} of every model. */
  private static List<String> bpmnExpressions() {
    List<String> expressions = new ArrayList<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(file).replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&");
        Matcher expression = Pattern.compile("[$#]\\{([^}]*)}").matcher(xml);
        while (expression.find()) {
          expressions.add(expression.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expressions;
  }

  private static List<String> javaSources() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.add(Files.readString(file));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variable name to constant, from ComplaintVariables and the models' own *Process classes. */
  private static Map<String, String> complaintVariableConstants() {
    Map<String, String> constants = new HashMap<>();
    Pattern variable = Pattern.compile("ProcessVariable<[\\w<>, ]+>\\s+(\\w+)\\s*=\\s*ProcessVariable\\.\\w+\\(\"(\\w+)\"\\)");
    try (var files = Files.list(MAIN.resolve("io/disputeflow/process"))) {
      for (Path file : files.filter(p -> p.getFileName().toString().matches("ComplaintVariables\\.java|\\w+Process\\.java"))
          .toList()) {
        Matcher declaration = variable.matcher(Files.readString(file));
        while (declaration.find()) {
          constants.put(declaration.group(2), declaration.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return constants;
  }
}
