package io.disputeflow.modeling.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputeflow.engine.EngineUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Modeler's deploy button ({@code POST /engine-rest/deployment/create}) for anyone but
 * {@code camunda-admin}: instead of deploying, submits the deployment for approval
 * ({@link DeploymentSubmissions}) and answers {@code 202} with Camunda's deployment fields (Modeler
 * shows a 2xx as success) and a message that it awaits approval. Runs after Camunda's
 * authentication filter, so the engine knows the user; a user without CREATE on deployments is
 * passed on to Camunda, which answers 403.
 */
final class DeploymentSubmissionFilter extends OncePerRequestFilter {

  private static final Pattern CREATE = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create/?");
  /** The form fields of Camunda's endpoint that are not files. */
  private static final Set<String> FIELDS = Set.of("deployment-name", "deployment-source", "deploy-changed-only",
      "enable-duplicate-filtering", "deployment-activation-time", "tenant-id");

  private final DeploymentApprovalSettings settings;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final DeploymentSubmissions submissions;
  private final ObjectMapper json;

  DeploymentSubmissionFilter(DeploymentApprovalSettings settings, IdentityService identity,
      AuthorizationService authorizations, DeploymentSubmissions submissions, ObjectMapper json) {
    this.settings = settings;
    this.identity = identity;
    this.authorizations = authorizations;
    this.submissions = submissions;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getContentType() == null
        || !request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
        || !CREATE.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = EngineUser.id(identity);
    List<String> groups = EngineUser.groupIds(identity);
    if (!settings.required() || user == null || groups.contains(DeploymentGate.ADMIN_GROUP)
        || !authorizations.isUserAuthorized(user, groups, Permissions.CREATE, Resources.DEPLOYMENT)) {
      chain.doFilter(request, response);
      return;
    }
    MultipartFormData form;
    try {
      form = read(request);
    } catch (org.camunda.bpm.engine.rest.exception.RestException unreadable) {
      answer(response, 400, "InvalidRequestException", "multipart/form-data cannot be processed: "
          + unreadable.getMessage());
      return;
    }
    try {
      String name = text(form, "deployment-name");
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String part : form.getPartNames()) {
        if (!FIELDS.contains(part)) {
          MultipartFormData.FormPart file = form.getNamedPart(part);
          if (file.getFileName() == null) {
            answer(response, 400, "InvalidRequestException", "No file name found in the deployment resource"
                + " described by form parameter '" + part + "'.");
            return;
          }
          files.put(file.getFileName(), file.getBinaryContent());
        }
      }
      if (files.isEmpty()) {
        answer(response, 400, "InvalidRequestException", "No deployment resources contained in the form upload.");
        return;
      }
      if (name == null || name.isBlank()) {
        answer(response, 400, "InvalidRequestException", "A deployment awaiting approval needs a name"
            + " (deployment-name): the approver sees it");
        return;
      }
      boolean changedOnly = "true".equals(text(form, "deploy-changed-only"));
      var submitted = submissions.submit(name, text(form, "deployment-source"), changedOnly, files);
      ObjectNode body = json.createObjectNode();
      body.putArray("links");
      body.put("id", submitted.id());
      body.put("name", submitted.name());
      body.put("source", submitted.source());
      body.putNull("deploymentTime");
      body.putNull("tenantId");
      body.putObject("deployedProcessDefinitions");
      body.putObject("deployedCaseDefinitions");
      body.putObject("deployedDecisionDefinitions");
      body.putObject("deployedDecisionRequirementsDefinitions");
      body.put("status", "AWAITING_APPROVAL");
      body.put("message", "Deployment '" + name + "' awaits approval: a second process owner or the head of"
          + " consumer protection approves or refuses it in Tasklist (task 'Approve model deployment');"
          + " nothing changes in production until then.");
      response.setStatus(202);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), body);
    } catch (AuthorizationException refused) {
      answer(response, 403, "AuthorizationException", refused.getMessage());
    } catch (ProcessEngineException refused) {
      // a model the checks refuse is the user's input at fault: 400 with the sandbox's message
      answer(response, 400, refused.getClass().getSimpleName(), refused.getMessage());
    }
  }

  private static MultipartFormData read(HttpServletRequest request) throws IOException {
    MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
    headers.putSingle("content-type", request.getContentType());
    return new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null,
        MediaType.valueOf(request.getContentType()), headers, request.getInputStream());
  }

  private static String text(MultipartFormData form, String field) {
    MultipartFormData.FormPart part = form.getNamedPart(field);
    return part == null ? null : part.getTextContent();
  }

  private void answer(HttpServletResponse response, int status, String type, String message) throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
