package io.disputeflow.modeling;

import io.disputeflow.engine.ModelElement;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What in a model being deployed would run code ({@link NewModelCheck}): script tasks, scripts, connectors,
 * embedded or external forms, script languages, and every expression outside the allow-list
 * ({@link ExpressionPolicy}).
 */
final class ModelCode {

  /** Text that holds no expression the engine evaluates: documentation, annotations, fixed field values. */
  private static final Set<String> PLAIN_TEXT = Set.of("documentation", "text", "string");

  private final ExpressionPolicy expressions;
  private final BiConsumer<ModelElement, String> problem;

  ModelCode(ExpressionPolicy expressions, BiConsumer<ModelElement, String> problem) {
    this.expressions = expressions;
    this.problem = problem;
  }

  /** What would run code: scripts, connectors, and every expression outside the allow-list. */
  void check(ModelElement element, String tag, boolean camundaElement, String where) {
    if (!camundaElement && tag.equals("scriptTask")) {
      problem.accept(element, where + ": a script task runs code on the bank's servers; use a service task with one"
          + " of the application's delegates");
    } else if (camundaElement && tag.equals("script")) {
      problem.accept(element, where + ": a script (camunda:script, " + element.attribute("scriptFormat", "no format")
          + ") runs code on the bank's servers; models run no scripts");
    } else if (camundaElement && tag.equals("connector")) {
      problem.accept(element, where + ": a connector (camunda:connector) calls other systems from the model; use"
          + " one of the application's delegates");
    } else if (!camundaElement && element.camundaAttribute("formKey") != null
        && !element.camundaAttribute("formKey").startsWith("camunda-forms:")) {
      problem.accept(element, where + ": camunda:formKey '" + element.camundaAttribute("formKey")
          + "' is an embedded or external form, whose scripts would run in the browser of whoever opens the task;"
          + " use a Camunda Form (camunda:formRef)");
    } else if (!camundaElement && element.attribute("language") != null && !tag.equals("definitions")) {
      problem.accept(element, where + ": " + tag + " in the script language '" + element.attribute("language")
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
      problem.accept(element, where + ": " + place + " " + expression + " is refused: "
          + String.join(", ", forbidden));
    }
  }

  private static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** "camunda:dueDate" of the parser's "http://camunda.org/schema/1.0/bpmn:dueDate". */
  private static String attributeName(String key) {
    String local = key.substring(key.lastIndexOf(':') + 1);
    String uri = key.substring(0, Math.max(0, key.lastIndexOf(':')));
    return NewModelCheck.isExtensionNamespace(uri) ? "camunda:" + local : local;
  }
}
