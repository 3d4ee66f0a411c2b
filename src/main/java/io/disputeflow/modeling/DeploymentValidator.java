package io.disputeflow.modeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.engine.ModelElement;
import io.disputeflow.engine.ParsedBpmnModel;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Refuses a new deployment whose models name what this application or the engine does not have, so
 * a process owner's mistake is answered at deployment, not by a failing complaint days later:
 * <ul>
 *   <li>a delegate expression ({@code ${bean}}, on tasks and listeners) whose bean does not exist,
 *       a {@code camunda:class} that is not on the class path;</li>
 *   <li>a service task that leaves out an input parameter its delegate reads, or sets it to a value
 *       the delegate does not handle ({@link io.disputeflow.process.TaskInput});</li>
 *   <li>a {@code camunda:formRef} that is neither in the deployment nor deployed (binding
 *       {@code deployment}: in the deployment);</li>
 *   <li>a business rule task's {@code camunda:decisionRef} that is neither in the deployment nor deployed;</li>
 *   <li>code: an expression anywhere (conditions, timers, due dates, candidate groups, inputs and
 *       outputs, listeners, called element keys, ...) that names something outside
 *       {@link ExpressionAllowList} ({@link ExpressionPolicy}); a script task, a script (listener,
 *       input/output, condition in a script language), a connector; a {@code camunda:class} or
 *       {@code camunda:variableMappingClass} that is not one of our delegates or mappings.</li>
 * </ul>
 * Definitions the engine parses again from its database (a cold cache after a restart) are not new
 * and are not checked: a running version must stay loadable whatever changed since. Code is the
 * exception: their expressions and scripts are refused when they run ({@link ModelSandboxPlugin}),
 * and a definition whose {@code camunda:class} names a class that is not ours does not load at all,
 * because the engine would create an instance of that class before anything could refuse it.
 */
@Component
class DeploymentValidator {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeploymentValidator.class);


  private final ApplicationContext beans;
  private final ObjectMapper json;
  private final ExpressionPolicy expressions;

  DeploymentValidator(ApplicationContext beans, ObjectMapper json) {
    this.beans = beans;
    this.json = json;
    this.expressions = new ExpressionPolicy(beans);
  }

  void validate(ModelElement definitions, ParsedBpmnModel model) {
    if (!model.isNewDeployment()) {
      refuseForeignClasses(definitions, model(model));
      return;
    }
    NewModelCheck check = new NewModelCheck(model, beans, json, expressions);
    check.walk(definitions, null);
    if (!check.problems().isEmpty()) {
      String refusal = "Deployment refused: " + model(model) + ": " + String.join("; ", check.problems());
      LOG.warn("{} (deployment '{}' by {})", refusal, model.deploymentName(),
          model.deployingUserId() == null ? "the application" : model.deployingUserId());
      throw check.first().refusal(refusal);
    }
  }

  /** "model 'intake'": the resource's name is not known yet while it is parsed (the engine adds it to the error). */
  private static String model(ParsedBpmnModel model) {
    return "model " + model.processKeys().stream().map(key -> "'" + key + "'")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** A stored definition (deployed before the check, or written into the database) that names foreign code. */
  private static void refuseForeignClasses(ModelElement element, String model) {
    for (String attribute : element.attributes()) {
      String local = attribute.substring(attribute.lastIndexOf(':') + 1);
      String className = element.attribute(attribute);
      if ((local.equals("class") || local.equals("variableMappingClass")) && !isOurs(className)) {
        LOG.error("Definition refused: {} names the class '{}', which is not one of the application's delegates,"
            + " listeners or variable mappings; it is not loaded", model, className);
        throw element.refusal("Definition refused: " + model + " names the class '" + className
            + "', which is not one of the application's delegates, listeners or variable mappings");
      }
    }
    element.elements().forEach(child -> refuseForeignClasses(child, model));
  }

  /** Ours, or a class of ours that no longer exists (the engine reports that when it runs). */
  private static boolean isOurs(String className) {
    if (className == null || className.isBlank()) {
      return true;
    }
    if (!className.trim().startsWith(ExpressionAllowList.OWN_PACKAGE)) {
      return false;
    }
    ClassLoader loader = DeploymentValidator.class.getClassLoader();
    return !ClassUtils.isPresent(className.trim(), loader)
        || ExpressionAllowList.isAllowedClass(ClassUtils.resolveClassName(className.trim(), loader));
  }
}
