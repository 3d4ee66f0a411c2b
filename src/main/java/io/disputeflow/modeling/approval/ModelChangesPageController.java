package io.disputeflow.modeling.approval;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import io.disputeflow.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The diagrams of a pending deployment for its approver, linked from the approval task's form: the
 * submitted diagram beside the active one with the elements added, removed and changed marked, and
 * a decision's rules as a table. Like a case's documents page it lives under the webapps' path and
 * is authenticated by their login session (never HTTP Basic): a browser opens it from Tasklist with
 * no other sign-in. Only those who may approve a deployment (and administrators) may read it: the
 * models name the bank's internal rules. A browser gets the page (and HTML refusals); anything that
 * asks for JSON, the page's own script included, gets the changes or {@code application/problem+json}.
 */
@Controller
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/model-changes")
class ModelChangesPageController {

  static final List<String> READERS = List.of(Groups.PROCESS_OWNER, Groups.HEAD, Groups.CAMUNDA_ADMIN);
  private static final Resource PAGE = new ClassPathResource("model-changes/page.html");
  private static final String VENDOR = "static/audit/vendor/bpmn-js-18.31.1/";
  /** The page's script and styles, and the pinned bpmn-js the audit replay also uses: nothing else is served. */
  private static final Map<String, Asset> ASSETS = Map.of(
      "page.js", new Asset("model-changes/page.js", "text/javascript"),
      "page.css", new Asset("model-changes/page.css", "text/css"),
      "bpmn-viewer.js", new Asset(VENDOR + "bpmn-navigated-viewer.production.min.js", "text/javascript"),
      "diagram-js.css", new Asset(VENDOR + "diagram-js.css", "text/css"),
      "bpmn-js.css", new Asset(VENDOR + "bpmn-js.css", "text/css"));
  private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
      + " frame-ancestors 'none'";

  private record Asset(String path, String type) {}

  private final ModelDiagrams diagrams;
  private final String engineName;

  ModelChangesPageController(ModelDiagrams diagrams, ProcessEngine engine) {
    this.diagrams = diagrams;
    this.engineName = engine.getName();
  }

  @GetMapping("/{id}")
  ResponseEntity<?> changes(@PathVariable String id, HttpServletRequest request) {
    boolean browser = Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT)).orElse("").contains("text/html");
    Optional<UserAuthentication> user = signedIn(request);
    if (user.isEmpty()) {
      return refuse(browser, request, HttpStatus.UNAUTHORIZED, "Please sign in / 请先登录",
          "Open Tasklist, sign in, and follow the link from the approval task again / 请先登录任务列表，再从审批任务中打开链接");
    }
    List<String> groups = user.get().getGroupIds() == null ? List.of() : List.copyOf(user.get().getGroupIds());
    if (READERS.stream().noneMatch(groups::contains)) {
      return refuse(browser, request, HttpStatus.FORBIDDEN, "Not open to you / 无权查看",
          "Only process owners, the head of consumer protection and administrators see a deployment's changes"
              + " / 仅流程负责人、消费者权益保护负责人和管理员可查看部署变更");
    }
    Optional<ModelDiagrams.View> view = diagrams.of(id);
    if (view.isEmpty()) {
      return refuse(browser, request, HttpStatus.NOT_FOUND, "Not found / 未找到",
          "There is no submitted deployment " + id + " / 没有该部署申请");
    }
    if (browser) {
      return secured(ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)))
          .body(PAGE);
    }
    return secured(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)).body(view.get());
  }

  @GetMapping("/assets/{name}")
  ResponseEntity<Resource> asset(@PathVariable String name) {
    Asset asset = ASSETS.get(name);
    if (asset == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(asset.type() + ";charset=UTF-8"))
        .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff")
        .body(new ClassPathResource(asset.path()));
  }

  private static ResponseEntity<?> refuse(boolean browser, HttpServletRequest request, HttpStatus status,
      String title, String detail) {
    if (browser) {
      return secured(ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)))
          .body(message(title, detail));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    return secured(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)).body(problem);
  }

  private static ResponseEntity.BodyBuilder secured(ResponseEntity.BodyBuilder response) {
    return response.header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).cacheControl(CacheControl.noStore());
  }

  private static String message(String title, String text) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + htmlEscape(title) + "</title>"
        + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}</style></head><body>\n<h1>"
        + htmlEscape(title) + "</h1>\n<p id=\"message\">" + htmlEscape(text) + "</p>\n</body></html>\n";
  }

  /** The person signed in to the webapps in this browser session (no Basic: it would pop a login dialog). */
  private Optional<UserAuthentication> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications != null
        && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
      return Optional.of(user);
    }
    return Optional.empty();
  }
}
