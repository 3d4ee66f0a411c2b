package io.disputeflow.engine;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/** An element of a BPMN model as the engine parsed it, with its line for the engine's parse error. */
public final class ModelElement {

  private final Element element;

  ModelElement(Element element) {
    this.element = element;
  }

  /** The namespace URI of the element. */
  public String uri() {
    return element.getUri();
  }

  /** The tag name as written, with its prefix (e.g. {@code camunda:taskListener}). */
  public String tagName() {
    return element.getTagName();
  }

  public String text() {
    return element.getText();
  }

  /** The names of its attributes as written, with their prefixes. */
  public List<String> attributes() {
    return List.copyOf(element.attributes());
  }

  /** An attribute by its name without namespace, or null. */
  public String attribute(String name) {
    return element.attribute(name);
  }

  public String attribute(String name, String defaultValue) {
    return element.attribute(name, defaultValue);
  }

  /** A {@code camunda:} attribute, or null. */
  public String camundaAttribute(String name) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name);
  }

  public String camundaAttribute(String name, String defaultValue) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name, defaultValue);
  }

  /** The first {@code camunda:} child element of this name, or null. */
  public ModelElement camundaElement(String name) {
    Element child = element.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name);
    return child == null ? null : new ModelElement(child);
  }

  /** The {@code camunda:} child elements of this name. */
  public List<ModelElement> camundaElements(String name) {
    return element.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name).stream().map(ModelElement::new).toList();
  }

  /** Whether the URI is the engine's extension namespace or the alternative one its parser also reads. */
  public static boolean isExtensionNamespace(String uri) {
    Namespace extensions = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
    return extensions.getNamespaceUri().equals(uri)
        || (extensions.hasAlternativeUri() && extensions.getAlternativeUri().equals(uri));
  }

  public List<ModelElement> elements() {
    return element.elements().stream().map(ModelElement::new).toList();
  }

  /** The engine's parse error for this element: the REST API answers 400 naming the element and its line. */
  public BpmnParseException refusal(String message) {
    return new BpmnParseException(message, element);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelElement that && that.element == element;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(element);
  }
}
