package io.disputeflow.modeling;

import io.disputeflow.engine.DeploymentCheck;
import io.disputeflow.engine.NewDeployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's deployers: a model file that is not well-formed XML (cut short, edited
 * by hand) is refused as a parse error, which the engine REST API answers with 400 and the line,
 * where the engine itself would fail with a general error (500).
 */
class WellFormedModels implements DeploymentCheck {

  @Override
  public void check(NewDeployment deployment) {
    for (Map.Entry<String, byte[]> resource : deployment.resources().entrySet()) {
      String name = resource.getKey();
      if ((name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn"))
          && resource.getValue() != null) {
        check(name, resource.getValue());
      }
    }
  }

  private static void check(String name, byte[] content) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
    } catch (SAXParseException e) {
      throw NewDeployment.notWellFormed("Deployment refused: " + name + " is not well-formed XML: " + e.getMessage()
          + " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")", name, e);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new ParseException("Deployment refused: " + name + " cannot be read: " + e.getMessage(), name,
          List.of(), List.of());
    }
  }
}
