package io.disputeflow.modeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.engine.ModelElement;
import io.disputeflow.engine.ParsedBpmnModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The check of one model being deployed ({@link DeploymentValidator}), element by element: what would run code
 * ({@link ModelCode}), the delegates, classes and input parameters it names, and the forms and decisions it
 * refers to ({@link ModelResources}); the first element at fault locates the refusal.
 */
final class NewModelCheck {

  private static final Pattern LEADING_BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_$][\\w$]*)");

  private final ApplicationContext beans;
  private final ModelCode code;
  private final ModelResources resources;
  private final List<String> problems = new ArrayList<>();
  private ModelElement first;

  NewModelCheck(ParsedBpmnModel model, ApplicationContext beans, ObjectMapper json, ExpressionPolicy expressions) {
    this.beans = beans;
    this.code = new ModelCode(expressions, this::problem);
    this.resources = new ModelResources(model, json, this::problem);
  }

  void walk(ModelElement element, ModelElement owner) {
    String tag = local(element);
    boolean camundaElement = isExtensionNamespace(element.uri());
    boolean listener = camundaElement && (tag.equals("executionListener") || tag.equals("taskListener"));
    // an event definition is named by its event: "Start event 'start_daily'", not its definition's generated id
    boolean named = !camundaElement && element.attribute("id") != null && !tag.endsWith("EventDefinition");
    ModelElement subject = owner == null || named ? element : owner;
    code.check(element, tag, camundaElement, (listener ? describe(element, tag) + " of " : "") + describe(subject,
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
      resources.form(element, where);
      if (tag.equals("businessRuleTask")) {
        resources.decision(element, where);
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

  /**
   * The parser reads extension attributes and elements in its namespace or in the alternative one (Camunda 7:
   * camunda, or activiti; Operaton: operaton, or camunda, which our models use): so does the check.
   */
  static boolean isExtensionNamespace(String uri) {
    return ModelElement.isExtensionNamespace(uri);
  }

  private static ModelElement child(ModelElement element, String tag) {
    return element.elements().stream().filter(e -> local(e).equals(tag)).findFirst().orElse(null);
  }

  static String local(ModelElement element) {
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
