package io.disputeflow.modeling.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

/**
 * What a submitted deployment changes against the active versions, as the approver reads it
 * (markdown): per file the model it holds, whether it is new, and for a process the elements added,
 * removed and renamed. Called after the submission check, so every file parses.
 */
@Component
class ModelChanges {

  private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");

  private final RepositoryService repository;
  private final ObjectMapper json;

  ModelChanges(RepositoryService repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  String describe(Map<String, byte[]> files) {
    List<String> lines = new ArrayList<>();
    new TreeMap<>(files).forEach((name, content) -> lines.addAll(describe(name, content)));
    return String.join("\n", lines);
  }

  private List<String> describe(String file, byte[] content) {
    if (file.endsWith(".bpmn") || file.endsWith(".bpmn20.xml")) {
      List<String> lines = new ArrayList<>();
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      for (Process process : model.getModelElementsByType(Process.class)) {
        lines.addAll(process(file, process));
      }
      return lines;
    }
    if (file.endsWith(".dmn") || file.endsWith(".dmn11.xml")) {
      List<String> lines = new ArrayList<>();
      Matcher decision = DECISION_ID.matcher(new String(content, StandardCharsets.UTF_8));
      while (decision.find()) {
        var active = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.group(1))
            .latestVersion().singleResult();
        lines.add("- `" + file + "`: decision '" + decision.group(1) + "' — " + (active == null ? "**new**"
            : "replaces active version " + active.getVersion()));
      }
      return lines;
    }
    if (file.endsWith(".form")) {
      return List.of("- `" + file + "`: form '" + formId(content) + "'");
    }
    return List.of("- `" + file + "`");
  }

  private List<String> process(String file, Process process) {
    String title = "- `" + file + "`: process '" + process.getId() + "'"
        + (process.getName() == null ? "" : " (" + process.getName() + ")");
    ProcessDefinition active = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
        .latestVersion().singleResult();
    Map<String, FlowNode> after = nodes(process);
    if (active == null) {
      return List.of(title + " — **new model**, " + after.size() + " elements");
    }
    Process before = repository.getBpmnModelInstance(active.getId()).getModelElementById(process.getId());
    Map<String, FlowNode> was = nodes(before);
    List<String> lines = new ArrayList<>();
    lines.add(title + " — replaces active version " + active.getVersion());
    list(lines, "added", after.keySet().stream().filter(id -> !was.containsKey(id)).map(after::get).toList());
    list(lines, "removed", was.keySet().stream().filter(id -> !after.containsKey(id)).map(was::get).toList());
    List<String> renamed = after.keySet().stream().filter(was::containsKey)
        .filter(id -> !Objects.equals(after.get(id).getName(), was.get(id).getName()))
        .map(id -> describe(after.get(id)) + ", was '" + was.get(id).getName() + "'").toList();
    if (!renamed.isEmpty()) {
      lines.add("  - renamed: " + String.join("; ", renamed));
    }
    if (lines.size() == 1) {
      lines.add("  - no element added, removed or renamed (other attributes or the layout changed)");
    }
    return lines;
  }

  private static void list(List<String> lines, String what, List<FlowNode> nodes) {
    if (!nodes.isEmpty()) {
      lines.add("  - " + what + ": " + nodes.stream().map(ModelChanges::describe).collect(Collectors.joining("; ")));
    }
  }

  private static Map<String, FlowNode> nodes(Process process) {
    Map<String, FlowNode> nodes = new TreeMap<>();
    if (process != null) {
      process.getModelInstance().getModelElementsByType(FlowNode.class).stream()
          .filter(node -> isIn(node, process)).forEach(node -> nodes.put(node.getId(), node));
    }
    return nodes;
  }

  private static boolean isIn(FlowNode node, Process process) {
    for (var parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == process) {
        return true;
      }
    }
    return false;
  }

  /** "User task 'user_second_look' (Second look)". */
  private static String describe(FlowNode node) {
    String type = node.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    return Character.toUpperCase(type.charAt(0)) + type.substring(1) + " '" + node.getId() + "'"
        + (node.getName() == null ? "" : " (" + node.getName() + ")");
  }

  private String formId(byte[] content) {
    try {
      JsonNode id = json.readTree(content).get("id");
      return id == null ? "?" : id.asText();
    } catch (IOException e) {
      return "?";
    }
  }
}
