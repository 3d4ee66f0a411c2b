package io.disputeflow.modeling;

import io.disputeflow.engine.DeploymentCheck;
import io.disputeflow.engine.NewDeployment;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs before the engine's deployers and refuses resources that would run code:
 * <ul>
 *   <li>a DMN with an {@code expressionLanguage} other than FEEL anywhere: JUEL reaches the
 *       application's beans, a script language (JavaScript, Groovy, Python, ...) is any code; FEEL
 *       reads the inputs and calls no Java;</li>
 *   <li>a CMMN model: the application has no case models, and their expressions would run unchecked;</li>
 *   <li>HTML and JavaScript (embedded forms, scripts): Tasklist would run them in the browser of
 *       whoever opens the task, with that person's session. Our forms are Camunda Forms (.form).</li>
 * </ul>
 */
class CodeFreeResources implements DeploymentCheck {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CodeFreeResources.class);

  @Override
  public void check(NewDeployment deployment) {
    String user = deployment.deployingUserId();
    for (Map.Entry<String, byte[]> resource : deployment.resources().entrySet()) {
      String name = resource.getKey();
      if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
        throw refused(user, name, name + " is a CMMN case model; DisputeFlow runs BPMN processes and FEEL decisions only");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".js") || lower.endsWith(".mjs")) {
        throw refused(user, name, name + " would run in the browser of whoever opens a task; user tasks use Camunda Forms"
            + " (.form, camunda:formRef)");
      }
      if ((name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) && resource.getValue() != null) {
        List<String> problems = check(resource.getValue());
        if (!problems.isEmpty()) {
          throw refused(user, name, name + ": " + String.join("; ", problems));
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

  private static ParseException refused(String user, String resource, String message) {
    LOG.warn("Deployment refused: {} (by {})", message, user == null ? "the application" : user);
    return new ParseException("Deployment refused: " + message, resource, List.of(), List.of());
  }
}
