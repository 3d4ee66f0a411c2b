package io.disputeflow.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.engine.ModelElement;
import io.disputeflow.engine.ParsedBpmnModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms and decisions a model being deployed refers to ({@link NewModelCheck}): each must be in its
 * deployment (binding {@code deployment}) or, for a later binding, in it or deployed already.
 */
final class ModelResources {

  private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");

  private final ParsedBpmnModel model;
  private final ObjectMapper json;
  private final BiConsumer<ModelElement, String> problem;
  private final Set<String> forms = new HashSet<>();
  private final Set<String> decisions = new HashSet<>();

  ModelResources(ParsedBpmnModel model, ObjectMapper json, BiConsumer<ModelElement, String> problem) {
    this.model = model;
    this.json = json;
    this.problem = problem;
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

  void form(ModelElement element, String where) {
    String ref = element.camundaAttribute("formRef");
    if (ref == null || ref.isBlank() || ref.contains("{") || forms.contains(ref)) {
      return;
    }
    String binding = element.camundaAttribute("formRefBinding", "latest");
    if ("deployment".equals(binding)) {
      problem.accept(element, where + ": form '" + ref + "' (camunda:formRef, binding deployment) is not in this"
          + " deployment; deploy its .form file with the model");
    } else if (!model.isFormDeployed(ref)) {
      problem.accept(element, where + ": form '" + ref + "' (camunda:formRef) is neither in this deployment nor"
          + " deployed");
    }
  }

  void decision(ModelElement element, String where) {
    String ref = element.camundaAttribute("decisionRef");
    if (ref == null || ref.isBlank() || ref.contains("{") || decisions.contains(ref)) {
      return;
    }
    String binding = element.camundaAttribute("decisionRefBinding", "latest");
    if ("deployment".equals(binding)) {
      problem.accept(element, where + ": decision '" + ref + "' (camunda:decisionRef, binding deployment) is not in"
          + " this deployment; deploy its .dmn file with the model");
    } else if (!model.isDecisionDeployed(ref)) {
      problem.accept(element, where + ": decision '" + ref + "' (camunda:decisionRef) is neither in this deployment"
          + " nor deployed");
    }
  }
}
