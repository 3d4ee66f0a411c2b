package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Modeler templates in processes/.camunda/element-templates hold to the delegates they configure
 * (the bean exists, the inputs they bind are the ones it reads, with values it handles), every
 * delegate has one, and every service task of processes/ uses its template with matching bindings.
 */
@ApplicationTest
class ElementTemplateTests {

  static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static Map<String, JsonNode> templates = new HashMap<>();

  @Autowired ApplicationContext beans;

  @BeforeAll
  static void readTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode template = json.readTree(file.toFile());
        assertThat(templates.put(template.get("id").asText(), template)).as("one template per id").isNull();
      }
    }
  }

  @Test
  void shouldConfigureAnExistingDelegateWithTheInputsItReads() {
    assertThat(templates).hasSizeGreaterThanOrEqualTo(20);
    templates.forEach((id, template) -> {
      assertThat(template.get("$schema").asText()).as(id)
          .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
      assertThat(template.get("name").asText()).as(id).isNotBlank();
      assertThat(template.get("version").asInt()).as(id).isPositive();
      assertThat(template.get("appliesTo").toString()).as(id).isEqualTo("[\"bpmn:ServiceTask\"]");

      String bean = delegateBean(template);
      assertThat(beans.containsBean(bean)).as("%s: bean %s exists", id, bean).isTrue();
      assertThat(JavaDelegate.class.isAssignableFrom(beans.getType(bean))).as("%s: %s is a JavaDelegate", id, bean)
          .isTrue();

      Map<String, List<String>> reads = DelegateInputs.of(beans.getType(bean));
      Map<String, List<String>> binds = new HashMap<>();
      for (JsonNode property : template.get("properties")) {
        if (property.at("/binding/type").asText().equals("camunda:inputParameter")) {
          List<String> choices = new ArrayList<>();
          property.get("choices").forEach(choice -> choices.add(choice.get("value").asText()));
          assertThat(choices).as("%s: default value is a choice", id).contains(property.get("value").asText());
          binds.put(property.at("/binding/name").asText(), choices);
        }
      }
      assertThat(binds.keySet()).as("%s binds the inputs %s reads", id, bean).isEqualTo(reads.keySet());
      binds.forEach((name, choices) -> assertThat(choices).as("%s: %s offers what %s handles", id, name, bean)
          .containsExactlyInAnyOrderElementsOf(reads.get(name)));
    });
  }

  @Test
  void shouldHaveATemplateForEveryDelegate() {
    Set<String> templated = templates.values().stream().map(ElementTemplateTests::delegateBean)
        .collect(Collectors.toSet());
    Set<String> delegates = new TreeSet<>(List.of(beans.getBeanNamesForType(JavaDelegate.class)));

    assertThat(templated).containsExactlyInAnyOrderElementsOf(delegates);
  }

  @Test
  void shouldUseItsTemplateOnEveryServiceTask() throws IOException {
    int tasks = 0;
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        for (ServiceTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)) {
          tasks++;
          assertTemplateMatches(model.getFileName() + " " + task.getId(), task);
        }
      }
    }
    assertThat(tasks).isGreaterThanOrEqualTo(templates.size());
  }

  private static void assertTemplateMatches(String where, ServiceTask task) {
    String id = task.getAttributeValueNs(CAMUNDA, "modelerTemplate");
    JsonNode template = templates.get(id);
    assertThat(template).as("%s uses an existing template (%s)", where, id).isNotNull();
    assertThat(task.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion")).as(where)
        .isEqualTo(template.get("version").asText());

    Map<String, String> inputs = new HashMap<>();
    if (task.getExtensionElements() != null) {
      task.getExtensionElements().getElementsQuery().filterByType(
              org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list()
          .forEach(io -> io.getCamundaInputParameters().forEach(p -> inputs.put(p.getCamundaName(), text(p))));
    }
    Set<String> bound = new TreeSet<>();
    for (JsonNode property : template.get("properties")) {
      String type = property.at("/binding/type").asText();
      String name = property.at("/binding/name").asText();
      if (type.equals("property")) {
        String value = task.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()));
        if (property.get("type").asText().equals("Hidden")) {
          assertThat(value).as("%s: %s as the template sets it", where, name).isEqualTo(property.get("value").asText());
        } else if (property.get("type").asText().equals("Boolean")) {
          assertThat(value).as("%s: %s", where, name).isIn(null, "true", "false");
        }
      } else if (type.equals("camunda:inputParameter")) {
        bound.add(name);
        List<String> choices = new ArrayList<>();
        property.get("choices").forEach(choice -> choices.add(choice.get("value").asText()));
        assertThat(inputs.get(name)).as("%s: input %s is one of the template's choices", where, name).isIn(choices);
      }
    }
    assertThat(inputs.keySet()).as("%s: only the template's inputs", where).isEqualTo(bound);
  }

  private static String text(CamundaInputParameter parameter) {
    return parameter.getTextContent().trim();
  }

  private static String delegateBean(JsonNode template) {
    for (JsonNode property : template.get("properties")) {
      if (property.at("/binding/name").asText().equals("camunda:delegateExpression")) {
        assertThat(property.get("type").asText()).isEqualTo("Hidden");
        String expression = property.get("value").asText();
        assertThat(expression).matches("\\$\\{\\w+}");
        return expression.substring(2, expression.length() - 1);
      }
    }
    throw new AssertionError(template.get("id") + " sets no delegate expression");
  }
}
