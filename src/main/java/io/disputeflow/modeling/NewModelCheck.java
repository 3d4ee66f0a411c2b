package io.disputeflow.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.engine.ModelElement;
import io.disputeflow.engine.ParsedBpmnModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The check of one model being deployed ({@link DeploymentValidator}): what its deployment contains (forms,
 * decisions), and, element by element, what is wrong with it; the first element at fault locates the refusal.
 */
final class NewModelCheck {

  private static final Pattern LEADING_BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_$][\\w$]*)");
  private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");

  /** Text that holds no expression the engine evaluates: documentation, annotations, fixed field values. */
  private static final Set<String> PLAIN_TEXT = Set.of("documentation", "text", "string");

  private final ParsedBpmnModel model;
  private final ApplicationContext beans;
  private final ObjectMapper json;
  private final ExpressionPolicy expressions;
  private final Set<String> forms = new HashSet<>();
  private final Set<String> decisions = new HashSet<>();
  private final List<String> problems = new ArrayList<>();
  private ModelElement first;

  NewModelCheck(ParsedBpmnModel model, ApplicationContext beans, ObjectMapper json, ExpressionPolicy expressions) {
    this.model = model;
    this.beans = beans;
    this.json = json;
    this.expressions = expressions;
    model.deploymentResources().forEach(this::collect);
  }

  private void collect(String name, byte[] content) {
    if (content == null) {
      return;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (name.endsWith(".form")) {
      try {
        JsonNode id = json.readTree(text).get("id");
        if (id != null) {
          forms.add(id.asText());
        }
      } catch (IOException e) {
        // the engine's form deployer reports an unreadable form itself
      }
    } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      Matcher decision = DECISION_ID.matcher(text);
      while (decision.find()) {
        decisions.add(decision.group(1));
      }
    }
  }

  void walk(ModelElement element, ModelElement owner) {
    String tag = local(element);
    boolean camundaElement = isExtensionNamespace(element.uri());
    boolean listener = camundaElement && (tag.equals("executionListener") || tag.equals("taskListener"));
    // an event definition is named by its event: "Start event 'start_daily'", not its definition's generated id
    boolean named = !camundaElement && element.attribute("id") != null && !tag.endsWith("EventDefinition");
    ModelElement subject = owner == null || named ? element : owner;
    code(element, tag, camundaElement, (listener ? describe(element, tag) + " of " : "") + describe(subject,
        local(subject)));
    if (listener) {
      String where = describe(element, tag) + " of " + describe(owner, local(owner));
      delegate(element, element.attribute("delegateExpression"), where);
      javaClass(element, element.attribute("class"), where);
    } else if (!camundaElement && element.attribute("id") != null) {
      owner = named ? element : owner;
      String where = describe(element, tag);
      String expression = element.camundaAttribute("delegateExpression");
      Class<?> delegate = delegate(element, expression, where);
      if (delegate != null) {
        inputs(element, DelegateInputs.of(delegate), where, expression);
      }
      javaClass(element, element.camundaAttribute("class"), where);
      javaClass(element, element.camundaAttribute("variableMappingClass"), where);
      form(element, where);
      if (tag.equals("businessRuleTask")) {
        decision(element, where);
      }
    }
    for (ModelElement child : element.elements()) {
      walk(child, owner);
    }
  }

  /** The delegate's class, or null when the expression names no bean to check. */
  private Class<?> delegate(ModelElement element, String expression, String where) {
    if (expression == null || expression.isBlank()) {
      return null;
    }
    Matcher bean = LEADING_BEAN.matcher(expression.trim());
    if (!bean.find()) {
      problem(element, where + ": delegate expression " + expression + " names no bean");
      return null;
    }
    String name = bean.group(1);
    if (!beans.containsBean(name)) {
      problem(element, where + ": delegate bean '" + name + "' (" + expression
          + ") does not exist in this application; choose the step's template in Modeler");
      return null;
    }
    return beans.getType(name);
  }

  private void javaClass(ModelElement element, String className, String where) {
    if (className == null || className.isBlank()) {
      return;
    }
    if (!ClassUtils.isPresent(className, getClass().getClassLoader())) {
      problem(element, where + ": class '" + className + "' does not exist in this application");
    } else if (!className.startsWith(ExpressionAllowList.OWN_PACKAGE)
        || !ExpressionAllowList.isAllowedClass(ClassUtils.resolveClassName(className, getClass().getClassLoader()))) {
      problem(element, where + ": class '" + className + "' is not one of the application's delegates, listeners"
          + " or variable mappings (io.disputeflow); use the step's template in Modeler");
    }
  }

  /** What would run code: scripts, connectors, and every expression outside the allow-list. */
  private void code(ModelElement element, String tag, boolean camundaElement, String where) {
    if (!camundaElement && tag.equals("scriptTask")) {
      problem(element, where + ": a script task runs code on the bank's servers; use a service task with one of"
          + " the application's delegates");
    } else if (camundaElement && tag.equals("script")) {
      problem(element, where + ": a script (camunda:script, " + element.attribute("scriptFormat", "no format")
          + ") runs code on the bank's servers; models run no scripts");
    } else if (camundaElement && tag.equals("connector")) {
      problem(element, where + ": a connector (camunda:connector) calls other systems from the model; use one of"
          + " the application's delegates");
    } else if (!camundaElement && element.camundaAttribute("formKey") != null
        && !element.camundaAttribute("formKey").startsWith("camunda-forms:")) {
      problem(element, where + ": camunda:formKey '" + element.camundaAttribute("formKey") + "' is an embedded"
          + " or external form, whose scripts would run in the browser of whoever opens the task; use a Camunda"
          + " Form (camunda:formRef)");
    } else if (!camundaElement && element.attribute("language") != null && !tag.equals("definitions")) {
      problem(element, where + ": " + tag + " in the script language '" + element.attribute("language")
          + "' runs code on the bank's servers; write it as an expression");
    }
    for (String attribute : element.attributes()) {
      String value = element.attribute(attribute);
      if (isExpression(value)) {
        expression(element, where, "attribute " + attributeName(attribute), value);
      }
    }
    if (element.elements().isEmpty() && !PLAIN_TEXT.contains(tag) && isExpression(element.text())) {
      String name = element.attribute("name");
      expression(element, where, (camundaElement ? "camunda:" : "") + tag + (name == null ? "" : " '" + name + "'"),
          element.text().trim());
    }
  }

  private void expression(ModelElement element, String where, String place, String expression) {
    List<String> forbidden = expressions.check(expression);
    if (!forbidden.isEmpty()) {
      problem(element, where + ": " + place + " " + expression + " is refused: " + String.join(", ", forbidden));
    }
  }

  private void inputs(ModelElement task, Map<String, List<String>> needed, String where, String expression) {
    if (needed.isEmpty()) {
      return;
    }
    Map<String, String> given = new java.util.HashMap<>();
    ModelElement extensions = child(task, "extensionElements");
    ModelElement io = extensions == null ? null : extensions.camundaElement("inputOutput");
    if (io != null) {
      io.camundaElements("inputParameter").forEach(p -> given.put(p.attribute("name"), p.text().trim()));
    }
    needed.forEach((name, values) -> {
      String value = given.get(name);
      if (value == null) {
        problem(task, where + ": input parameter '" + name + "' missing (" + expression + " reads it; one of "
            + values + ")");
      } else if (!value.contains("{") && !values.contains(value)) {
        problem(task, where + ": input parameter '" + name + "' is '" + value + "', not one of " + values);
      }
    });
  }

  private void form(ModelElement element, String where) {
    String ref = element.camundaAttribute("formRef");
    if (ref == null || ref.isBlank() || ref.contains("{") || forms.contains(ref)) {
      return;
    }
    String binding = element.camundaAttribute("formRefBinding", "latest");
    if ("deployment".equals(binding)) {
      problem(element, where + ": form '" + ref + "' (camunda:formRef, binding deployment) is not in this"
          + " deployment; deploy its .form file with the model");
    } else if (!model.isFormDeployed(ref)) {
      problem(element, where + ": form '" + ref + "' (camunda:formRef) is neither in this deployment nor deployed");
    }
  }

  private void decision(ModelElement element, String where) {
    String ref = element.camundaAttribute("decisionRef");
    if (ref == null || ref.isBlank() || ref.contains("{") || decisions.contains(ref)) {
      return;
    }
    String binding = element.camundaAttribute("decisionRefBinding", "latest");
    if ("deployment".equals(binding)) {
      problem(element, where + ": decision '" + ref + "' (camunda:decisionRef, binding deployment) is not in"
          + " this deployment; deploy its .dmn file with the model");
    } else if (!model.isDecisionDeployed(ref)) {
      problem(element, where + ": decision '" + ref + "' (camunda:decisionRef) is neither in this deployment"
          + " nor deployed");
    }
  }

  private void problem(ModelElement element, String message) {
    if (first == null) {
      first = element;
    }
    problems.add(message);
  }

  /** The problems found, in the model's order; empty when the model passes. */
  List<String> problems() {
    return problems;
  }

  /** The first element at fault, for the engine's parse error and its line. */
  ModelElement first() {
    return first;
  }

  private static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** "camunda:dueDate" of the parser's "http://camunda.org/schema/1.0/bpmn:dueDate". */
  private static String attributeName(String key) {
    String local = key.substring(key.lastIndexOf(':') + 1);
    String uri = key.substring(0, Math.max(0, key.lastIndexOf(':')));
    return isExtensionNamespace(uri) ? "camunda:" + local : local;
  }

  /**
   * The parser reads extension attributes and elements in its namespace or in the alternative one (Camunda 7:
   * camunda, or activiti; Operaton: operaton, or camunda, which our models use): so does the check.
   */
  private static boolean isExtensionNamespace(String uri) {
    return ModelElement.isExtensionNamespace(uri);
  }

  private static ModelElement child(ModelElement element, String tag) {
    return element.elements().stream().filter(e -> local(e).equals(tag)).findFirst().orElse(null);
  }

  private static String local(ModelElement element) {
    String tag = element.tagName();
    return tag.substring(tag.indexOf(':') + 1);
  }

  /** "Service task 'service_send_acknowledgement' (Send acknowledgement)". */
  private static String describe(ModelElement element, String tag) {
    String kind = tag.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    kind = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    String id = element.attribute("id");
    String name = element.attribute("name");
    return kind + (id == null ? "" : " '" + id + "'") + (name == null || name.isBlank() ? "" : " (" + name + ")");
  }
}
