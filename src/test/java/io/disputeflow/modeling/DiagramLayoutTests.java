package io.disputeflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in processes/ reads at a glance in Modeler and in docs/images/models (DiagramLayoutRules):
 * orthogonal flows that cross no shape and carry no name, labels beside their shape that cover nothing.
 */
class DiagramLayoutTests {

  static Stream<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @Test
  void shouldCheckEveryModel() throws IOException {
    assertThat(models()).hasSizeGreaterThanOrEqualTo(19);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void shouldDrawTheModelSoThatItReadsAtAGlance(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

    assertThat(DiagramLayoutRules.violations(model)).as(file.toString()).isEmpty();
  }

  @Test
  void shouldReportAFlowThroughAShapeThatIsNotItsEnd() {
    // start -> end drawn straight through the task between them
    String xml = model("""
        <bpmn:startEvent id="start" /><bpmn:task id="task" name="Task" /><bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="flow_start_to_end" sourceRef="start" targetRef="end" />
        """, shape("start", 100, 102, 36, 36) + shape("task", 200, 80, 100, 80) + shape("end", 400, 102, 36, 36)
        + edge("flow_start_to_end", 136, 120, 400, 120));

    assertThat(violations(xml)).containsExactly("flow_start_to_end crosses task");
  }

  @Test
  void shouldReportANamedFlowAndASlantedSegment() {
    String xml = model("""
        <bpmn:startEvent id="start" /><bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="flow_start_to_end" name="Yes" sourceRef="start" targetRef="end" />
        """, shape("start", 100, 102, 36, 36) + shape("end", 300, 202, 36, 36)
        + edge("flow_start_to_end", 136, 120, 300, 220));

    assertThat(violations(xml)).containsExactlyInAnyOrder(
        "flow_start_to_end is named \"Yes\" (a label on a sequence flow)",
        "flow_start_to_end has a slanted segment Point[x=136.0, y=120.0] -> Point[x=300.0, y=220.0]");
  }

  @Test
  void shouldReportALabelOverAShapeOrAFlow() {
    // the gateway's default label (under it) lies on the task below; the end event's label lies on the flow
    String xml = model("""
        <bpmn:exclusiveGateway id="xor_question" name="Question?" /><bpmn:task id="task" name="Task" />
        <bpmn:endEvent id="end" name="Done" />
        <bpmn:sequenceFlow id="flow_task_to_end" sourceRef="task" targetRef="end" />
        """, shape("xor_question", 100, 95, 50, 50) + shape("task", 75, 160, 100, 80)
        + """
          <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="300" y="182" width="36" height="36" />
            <bpmndi:BPMNLabel><dc:Bounds x="240" y="193" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
          """
        + edge("flow_task_to_end", 175, 200, 300, 200));

    assertThat(violations(xml)).containsExactlyInAnyOrder(
        "flow_task_to_end runs over the label of end",
        "the label of xor_question covers task");
  }

  private static List<String> violations(String xml) {
    return DiagramLayoutRules.violations(
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  private static String model(String process, String diagram) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="definitions" targetNamespace="http://disputeflow.io/bpmn">
          <bpmn:process id="trial" isExecutable="false">%s</bpmn:process>
          <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="trial">%s</bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(process, diagram);
  }

  private static String shape(String id, int x, int y, int width, int height) {
    return "<bpmndi:BPMNShape id=\"%s_di\" bpmnElement=\"%s\"><dc:Bounds x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" />"
        .formatted(id, id, x, y, width, height) + "</bpmndi:BPMNShape>";
  }

  private static String edge(String id, int x1, int y1, int x2, int y2) {
    return "<bpmndi:BPMNEdge id=\"%s_di\" bpmnElement=\"%s\"><di:waypoint x=\"%d\" y=\"%d\" /><di:waypoint x=\"%d\" y=\"%d\" />"
        .formatted(id, id, x1, y1, x2, y2) + "</bpmndi:BPMNEdge>";
  }
}
