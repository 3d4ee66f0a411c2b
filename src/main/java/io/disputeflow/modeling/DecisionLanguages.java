package io.disputeflow.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's deployers: decisions are written in FEEL, which reads the inputs and
 * calls no Java. An {@code expressionLanguage} of JUEL (which reaches the application's beans) or a
 * script language (JavaScript, Groovy, Python, ...) anywhere in a DMN is refused, and so is a CMMN
 * model: the application has no case models, and their expressions would run unchecked.
 */
class DecisionLanguages implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
        throw refused(name, name + " is a CMMN case model; DisputeFlow runs BPMN processes and FEEL decisions only");
      }
      if ((name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) && resource.getBytes() != null) {
        List<String> problems = check(resource.getBytes());
        if (!problems.isEmpty()) {
          throw refused(name, name + ": " + String.join("; ", problems));
        }
      }
    }
  }

  private static List<String> check(byte[] dmn) {
    List<String> problems = new ArrayList<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(dmn), new DefaultHandler() {
        private String decision;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
          if (localName.equals("decision")) {
            decision = attributes.getValue("id");
          }
          for (int i = 0; i < attributes.getLength(); i++) {
            String language = attributes.getValue(i);
            if (attributes.getLocalName(i).equals("expressionLanguage") && !isFeel(language)) {
              String id = attributes.getValue("id");
              problems.add((decision == null ? "" : "decision '" + decision + "', ") + localName
                  + (id == null ? "" : " '" + id + "'") + ": expressionLanguage '" + language
                  + "' is refused (decisions are written in FEEL; JUEL and scripts run code on the bank's servers)");
            }
          }
        }
      });
    } catch (Exception e) {
      // WellFormedModels has refused what does not parse; the engine's DMN parser reports the rest
    }
    return problems;
  }

  /** "feel" or one of the OMG's FEEL namespaces (DMN 1.1 to 1.5). */
  private static boolean isFeel(String language) {
    String lower = language.trim().toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.matches("https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel/(\\d+/)?");
  }

  private static ParseException refused(String resource, String message) {
    return new ParseException("Deployment refused: " + message, resource, List.of(), List.of());
  }
}
