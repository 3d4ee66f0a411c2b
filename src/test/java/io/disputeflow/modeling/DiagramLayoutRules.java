package io.disputeflow.modeling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The house rules for a diagram a process owner reads at a glance, checked on a model's DI: every flow
 * node and sequence flow is drawn; sequence flows are orthogonal, carry no name (a gateway's question
 * and the steps' names say where a branch goes) and cross no shape but their own ends; a label (of an
 * event or gateway, placed by the DI or where bpmn-js puts it by default) covers no other shape, no
 * other label and no sequence flow. Groups are frames around a part of the diagram, not obstacles.
 */
final class DiagramLayoutRules {

  /** bpmn-js' default external label: 90 px wide, centred under the shape, a 14 px line per ~15 characters. */
  private static final double LABEL_WIDTH = 90;
  private static final double LINE_HEIGHT = 14;
  private static final double CHARACTERS_PER_LINE = 15;
  /** Lines that only touch a shape's outline or a label's box do not cross it. */
  private static final double TOUCH = 1;

  private DiagramLayoutRules() {
  }

  /** Every rule the model breaks, one line each, naming the elements. */
  static List<String> violations(BpmnModelInstance model) {
    List<String> violations = new ArrayList<>();
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    drawn.addAll(model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).toList());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!drawn.contains(node.getId())) {
        violations.add(node.getId() + " has no shape");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!drawn.contains(flow.getId())) {
        violations.add(flow.getId() + " has no edge");
      }
      if (flow.getName() != null && !flow.getName().isBlank()) {
        violations.add(flow.getId() + " is named \"" + flow.getName() + "\" (a label on a sequence flow)");
      }
    }
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      violations.addAll(new Plane(plane).violations());
    }
    return violations;
  }

  private record Box(double x, double y, double width, double height) {

    static Box of(Bounds bounds) {
      return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    /** Whether the segment runs through the inside of this box (more than touching its outline). */
    boolean crossedBy(Point from, Point to) {
      double left = x + TOUCH;
      double right = x + width - TOUCH;
      double top = y + TOUCH;
      double bottom = y + height - TOUCH;
      if (from.y() == to.y()) {
        return from.y() > top && from.y() < bottom
            && Math.max(from.x(), to.x()) > left && Math.min(from.x(), to.x()) < right;
      }
      if (from.x() == to.x()) {
        return from.x() > left && from.x() < right
            && Math.max(from.y(), to.y()) > top && Math.min(from.y(), to.y()) < bottom;
      }
      // a slanted segment: sample it (the orthogonality rule reports it anyway)
      for (int i = 1; i < 100; i++) {
        double px = from.x() + (to.x() - from.x()) * i / 100;
        double py = from.y() + (to.y() - from.y()) * i / 100;
        if (px > left && px < right && py > top && py < bottom) {
          return true;
        }
      }
      return false;
    }

    boolean overlaps(Box other) {
      return x + TOUCH < other.x + other.width && other.x + TOUCH < x + width
          && y + TOUCH < other.y + other.height && other.y + TOUCH < y + height;
    }
  }

  private record Point(double x, double y) {
  }

  private record Drawn(BaseElement element, Box box, Box label) {
  }

  /** One diagram plane: the main process, or the inside of a collapsed sub-process. */
  private static final class Plane {

    private final List<Drawn> shapes = new ArrayList<>();
    private final Map<SequenceFlow, List<Point>> flows = new java.util.LinkedHashMap<>();

    Plane(BpmnPlane plane) {
      for (ModelElementInstance child : plane.getChildElementsByType(BpmnShape.class)) {
        BpmnShape shape = (BpmnShape) child;
        BaseElement element = shape.getBpmnElement();
        Box box = Box.of(shape.getBounds());
        Box label = shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
            ? Box.of(shape.getBpmnLabel().getBounds()) : defaultLabel(element, box);
        shapes.add(new Drawn(element, box, label));
      }
      for (ModelElementInstance child : plane.getChildElementsByType(BpmnEdge.class)) {
        BpmnEdge edge = (BpmnEdge) child;
        if (edge.getBpmnElement() instanceof SequenceFlow flow) {
          flows.put(flow, edge.getWaypoints().stream().map(Plane::point).toList());
        }
      }
    }

    private static Point point(Waypoint waypoint) {
      return new Point(waypoint.getX(), waypoint.getY());
    }

    /** Where bpmn-js draws the name of an event, gateway or data element without label bounds in the DI. */
    private static Box defaultLabel(BaseElement element, Box box) {
      String name = element.getAttributeValue("name");
      if (name == null || name.isBlank() || element instanceof Activity || element instanceof Group
          || element instanceof Association) {
        return null;
      }
      double lines = Math.ceil(name.length() / CHARACTERS_PER_LINE);
      return new Box(box.x() + box.width() / 2 - LABEL_WIDTH / 2, box.y() + box.height() + 5, LABEL_WIDTH,
          lines * LINE_HEIGHT);
    }

    List<String> violations() {
      List<String> violations = new ArrayList<>();
      flows.forEach((flow, points) -> {
        for (int i = 1; i < points.size(); i++) {
          Point from = points.get(i - 1);
          Point to = points.get(i);
          if (from.x() != to.x() && from.y() != to.y()) {
            violations.add(flow.getId() + " has a slanted segment " + from + " -> " + to);
          }
          for (Drawn shape : obstaclesFor(flow)) {
            if (shape.box().crossedBy(from, to)) {
              violations.add(flow.getId() + " crosses " + shape.element().getId());
            }
          }
          for (Drawn labelled : shapes) {
            if (labelled.label() != null && labelled.label().crossedBy(from, to)) {
              violations.add(flow.getId() + " runs over the label of " + labelled.element().getId());
            }
          }
        }
      });
      for (Drawn labelled : shapes) {
        if (labelled.label() == null) {
          continue;
        }
        for (Drawn other : shapes) {
          if (other == labelled || other.element() instanceof Group) {
            continue;
          }
          if (labelled.label().overlaps(other.box())) {
            violations.add("the label of " + labelled.element().getId() + " covers " + other.element().getId());
          }
          if (other.label() != null && shapes.indexOf(other) > shapes.indexOf(labelled)
              && labelled.label().overlaps(other.label())) {
            violations.add("the label of " + labelled.element().getId() + " covers the label of "
                + other.element().getId());
          }
        }
      }
      return violations.stream().distinct().toList();
    }

    /** The shapes a flow must not cross: all but its ends, the hosts of boundary-event ends, groups and its containers. */
    private Collection<Drawn> obstaclesFor(SequenceFlow flow) {
      Set<BaseElement> ends = new java.util.HashSet<>(List.of(flow.getSource(), flow.getTarget()));
      for (FlowNode end : List.of(flow.getSource(), flow.getTarget())) {
        if (end instanceof BoundaryEvent boundary) {
          ends.add(boundary.getAttachedTo());
        }
      }
      return shapes.stream()
          .filter(shape -> !ends.contains(shape.element()))
          .filter(shape -> !(shape.element() instanceof Group))
          .filter(shape -> !(shape.element() instanceof SubProcess container && contains(container, flow)))
          .toList();
    }

    private static boolean contains(SubProcess container, ModelElementInstance element) {
      for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
        if (parent == container) {
          return true;
        }
      }
      return false;
    }
  }
}
