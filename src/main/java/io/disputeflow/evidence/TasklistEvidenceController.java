package io.disputeflow.evidence;

import io.disputeflow.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case's documents for people signed in to Tasklist (or Cockpit): the links in task forms lead
 * here. It lives under the webapps' path and is authenticated by their login session, never by
 * HTTP Basic, so a browser never sees a login dialog; a request without that session is told to
 * sign in to Tasklist. The same rules as the API decide who reads (CaseAccess) and who adds
 * (coordinators); downloads are recorded with "via TASKLIST".
 */
@Controller
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/evidence/{number}")
class TasklistEvidenceController {

  private final EvidenceDocuments documents;
  private final DocumentLinks links;
  private final String engineName;

  TasklistEvidenceController(EvidenceDocuments documents, DocumentLinks links, ProcessEngine engine) {
    this.documents = documents;
    this.links = links;
    this.engineName = engine.getName();
  }

  private record Person(String id, Set<String> groups) {
    boolean coordinator() {
      return groups.contains(Groups.COORDINATOR);
    }
  }

  @GetMapping
  ResponseEntity<String> page(@PathVariable String number, HttpServletRequest request) {
    return signedIn(request).map(person -> page(number, person, HttpStatus.OK, null))
        .orElseGet(TasklistEvidenceController::signInFirst);
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<?> download(@PathVariable String number, @PathVariable long id, HttpServletRequest request) {
    Optional<Person> person = signedIn(request);
    if (person.isEmpty()) {
      return signInFirst();
    }
    try {
      return EvidenceController.Downloads.of(documents.open(number, id, person.get().id(), person.get().groups(),
          EvidenceDocuments.VIA_TASKLIST));
    } catch (AccessDeniedException e) {
      return html(HttpStatus.FORBIDDEN, Pages.message("Not open to you / 无权查看", e.getMessage()));
    } catch (EvidenceNotFoundException | io.disputeflow.complaint.ComplaintNotFoundException e) {
      return html(HttpStatus.NOT_FOUND, Pages.message("Not found / 未找到", e.getMessage()));
    } catch (EvidenceDamagedException e) {
      return html(HttpStatus.INTERNAL_SERVER_ERROR, Pages.message("Document damaged / 文件已损坏", e.getMessage()));
    }
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> upload(@PathVariable String number, @RequestParam(name = "file", required = false)
      MultipartFile file, HttpServletRequest request) {
    Optional<Person> person = signedIn(request);
    if (person.isEmpty()) {
      return signInFirst();
    }
    // the session cookie goes with any form that posts here; only our own pages may post
    if (!"same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
      return html(HttpStatus.FORBIDDEN, Pages.message("Refused / 已拒绝",
          "Documents can be added only from this page / 只能通过本页添加证据材料"));
    }
    if (!person.get().coordinator()) {
      return page(number, person.get(), HttpStatus.FORBIDDEN, "Only coordinators add documents / 仅投诉协调员可添加证据材料");
    }
    if (file == null || file.isEmpty()) {
      return page(number, person.get(), HttpStatus.BAD_REQUEST, "Choose a file first / 请先选择文件");
    }
    try {
      documents.upload(number, file.getOriginalFilename(), file.getSize(), () -> bytes(file), person.get().id());
    } catch (EvidenceRefusedException e) {
      return page(number, person.get(), e.status(), e.title() + ": " + e.getMessage());
    }
    // after a post, a reload must not post again
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, links.pagePath(number)).build();
  }

  private ResponseEntity<String> page(String number, Person person, HttpStatus status, String error) {
    try {
      List<EvidenceDocument> list = documents.list(number, person.groups());
      return html(status, Pages.documents(number, list, links.pagePath(number), person.coordinator(), error,
          documents.maxFileSize(), documents.maxDocuments()));
    } catch (AccessDeniedException e) {
      return html(HttpStatus.FORBIDDEN, Pages.message("Not open to you / 无权查看", e.getMessage()));
    } catch (io.disputeflow.complaint.ComplaintNotFoundException e) {
      return html(HttpStatus.NOT_FOUND, Pages.message("Not found / 未找到", e.getMessage()));
    }
  }

  /** The person signed in to the webapps in this browser session, with their Camunda groups. */
  private Optional<Person> signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(new Person(user.getName(),
        new HashSet<>(user.getGroupIds() == null ? List.of() : user.getGroupIds())));
  }

  /** No Basic challenge (it would pop a login dialog): the person signs in to Tasklist. */
  private static ResponseEntity<String> signInFirst() {
    return html(HttpStatus.UNAUTHORIZED, Pages.message("Please sign in / 请先登录",
        "Open Tasklist, sign in, and follow the link from the task again / 请先登录任务列表，再从任务中打开链接"));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
