package io.disputeflow.modeling.approval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What changed between the active and the submitted XML of a model, as the approver's diagram page
 * marks it: for BPMN the drawn elements (shapes and flows) added, removed or changed in what they do
 * (attributes, conditions, expressions, listeners; not their place on the diagram), by id; for a
 * DMN decision table its rules added, removed or changed, by rule id.
 */
final class ModelDiff {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";
  /** What links a node to its flows: a re-routed flow is marked itself, not both of its ends. */
  private static final Set<String> FLOW_REFERENCES = Set.of("incoming", "outgoing");

  private ModelDiff() {}

  /** One drawn element: its id, its BPMN type ("userTask") and name. */
  record Element(String id, String type, String name) {}

  record BpmnChanges(List<Element> added, List<Element> removed, List<Element> changed) {}

  /** Before is null for a new model: everything is added. */
  static BpmnChanges bpmn(String before, String after) {
    Map<String, org.w3c.dom.Element> was = before == null ? Map.of() : drawnElements(parse(before));
    Map<String, org.w3c.dom.Element> is = drawnElements(parse(after));
    Set<String> drawnBefore = was.keySet();
    Set<String> drawnAfter = is.keySet();
    List<Element> added = new ArrayList<>();
    List<Element> changed = new ArrayList<>();
    is.forEach((id, element) -> {
      if (!was.containsKey(id)) {
        added.add(describe(element));
      } else if (!canonical(element, drawnAfter).equals(canonical(was.get(id), drawnBefore))) {
        changed.add(describe(element));
      }
    });
    List<Element> removed = was.entrySet().stream().filter(entry -> !is.containsKey(entry.getKey()))
        .map(entry -> describe(entry.getValue())).toList();
    return new BpmnChanges(added, removed, changed);
  }

  /** A rule as the table shows it: its input and output entries and its description. */
  record Rule(String id, List<String> inputs, List<String> outputs, String description) {}

  /** ADDED, CHANGED, UNCHANGED (in the submitted table's order), then REMOVED; {@code was} for CHANGED. */
  record RuleChange(String status, Rule rule, Rule was) {}

  record DecisionTable(String id, String name, String hitPolicy, List<String> inputs, List<String> outputs,
      List<Rule> rules) {}

  /** A decision of the submitted file against its active version (null: new), rule by rule. */
  record DecisionChanges(String id, String name, String hitPolicy, String activeHitPolicy, List<String> inputs,
      List<String> outputs, List<String> activeInputs, List<String> activeOutputs, List<RuleChange> rules) {}

  static List<DecisionTable> decisionTables(String dmn) {
    List<DecisionTable> tables = new ArrayList<>();
    for (org.w3c.dom.Element decision : children(parse(dmn).getDocumentElement(), "decision")) {
      for (org.w3c.dom.Element table : children(decision, "decisionTable")) {
        tables.add(new DecisionTable(decision.getAttribute("id"), attribute(decision, "name"),
            table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE",
            children(table, "input").stream().map(ModelDiff::inputLabel).toList(),
            children(table, "output").stream().map(ModelDiff::outputLabel).toList(),
            children(table, "rule").stream().map(ModelDiff::rule).toList()));
      }
    }
    return tables;
  }

  static DecisionChanges decision(DecisionTable active, DecisionTable submitted) {
    Map<String, Rule> was = new LinkedHashMap<>();
    if (active != null) {
      active.rules().forEach(rule -> was.put(rule.id(), rule));
    }
    List<RuleChange> rules = new ArrayList<>();
    for (Rule rule : submitted.rules()) {
      Rule before = was.remove(rule.id());
      if (active == null || before == null) {
        rules.add(new RuleChange("ADDED", rule, null));
      } else {
        rules.add(new RuleChange(before.equals(rule) ? "UNCHANGED" : "CHANGED", rule,
            before.equals(rule) ? null : before));
      }
    }
    was.values().forEach(rule -> rules.add(new RuleChange("REMOVED", rule, null)));
    return new DecisionChanges(submitted.id(), submitted.name(), submitted.hitPolicy(),
        active == null ? null : active.hitPolicy(), submitted.inputs(), submitted.outputs(),
        active == null ? null : active.inputs(), active == null ? null : active.outputs(), rules);
  }

  /** The ids of the processes a BPMN file holds, in the order of the file. */
  static List<String> processIds(String bpmn) {
    return children(parse(bpmn).getDocumentElement(), "process").stream().map(p -> p.getAttribute("id")).toList();
  }

  private static Rule rule(org.w3c.dom.Element rule) {
    return new Rule(rule.getAttribute("id"), children(rule, "inputEntry").stream().map(ModelDiff::text).toList(),
        children(rule, "outputEntry").stream().map(ModelDiff::text).toList(),
        children(rule, "description").stream().map(ModelDiff::text).findFirst().orElse(""));
  }

  private static String inputLabel(org.w3c.dom.Element input) {
    String label = attribute(input, "label");
    if (label != null) {
      return label;
    }
    return children(input, "inputExpression").stream().map(ModelDiff::text).findFirst().orElse(input.getAttribute("id"));
  }

  private static String outputLabel(org.w3c.dom.Element output) {
    String label = attribute(output, "label");
    return label != null ? label : Objects.requireNonNullElse(attribute(output, "name"), output.getAttribute("id"));
  }

  /** The text of the element's {@code text} child (an entry or an expression), or its own text. */
  private static String text(org.w3c.dom.Element element) {
    List<org.w3c.dom.Element> text = children(element, "text");
    return (text.isEmpty() ? element : text.get(0)).getTextContent().strip();
  }

  private static String attribute(org.w3c.dom.Element element, String name) {
    return element.hasAttribute(name) ? element.getAttribute(name) : null;
  }

  /** The direct children of that local name, in any namespace (DMN 1.1 to 1.3). */
  private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String localName) {
    List<org.w3c.dom.Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof org.w3c.dom.Element element && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** The semantic elements the diagram draws (a BPMNShape or BPMNEdge names them), by id. */
  private static Map<String, org.w3c.dom.Element> drawnElements(Document document) {
    Set<String> drawn = new java.util.HashSet<>();
    for (String kind : List.of("BPMNShape", "BPMNEdge")) {
      NodeList shapes = document.getElementsByTagNameNS(BPMN_DI, kind);
      for (int i = 0; i < shapes.getLength(); i++) {
        drawn.add(((org.w3c.dom.Element) shapes.item(i)).getAttribute("bpmnElement"));
      }
    }
    Map<String, org.w3c.dom.Element> elements = new LinkedHashMap<>();
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
      if (element.hasAttribute("id") && drawn.contains(element.getAttribute("id"))) {
        elements.put(element.getAttribute("id"), element);
      }
    }
    return elements;
  }

  /**
   * What the element is and does, without its drawn children (compared on their own) and its flow
   * references: its attributes in a fixed order, its child elements and their text.
   */
  private static String canonical(org.w3c.dom.Element element, Set<String> drawn) {
    StringBuilder text = new StringBuilder("<").append(element.getNamespaceURI()).append(':')
        .append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        sorted.put(attribute.getNamespaceURI() + ":" + attribute.getLocalName(), attribute.getNodeValue());
      }
    }
    sorted.forEach((name, value) -> text.append(' ').append(name).append("=\"").append(value).append('"'));
    text.append('>');
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof org.w3c.dom.Element nested) {
        boolean drawnOfItsOwn = nested.hasAttribute("id") && drawn.contains(nested.getAttribute("id"))
            && BPMN.equals(nested.getNamespaceURI());
        boolean flowReference = BPMN.equals(nested.getNamespaceURI()) && FLOW_REFERENCES.contains(nested.getLocalName());
        if (!drawnOfItsOwn && !flowReference) {
          text.append(canonical(nested, drawn));
        }
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue().strip());
      }
    }
    return text.append("</>").toString();
  }

  private static Element describe(org.w3c.dom.Element element) {
    return new Element(element.getAttribute("id"), element.getLocalName(),
        element.hasAttribute("name") ? element.getAttribute("name") : null);
  }

  /** Without DTDs or external entities: the files are a user's upload. */
  static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("The model cannot be read: " + e.getMessage(), e);
    }
  }
}
