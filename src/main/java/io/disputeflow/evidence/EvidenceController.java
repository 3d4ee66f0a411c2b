package io.disputeflow.evidence;

import io.disputeflow.complaint.CaseAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** A case's evidence documents over our API (HTTP Basic): upload, list, download. */
@RestController
@RequestMapping("/api/complaints/{number}/documents")
class EvidenceController {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EvidenceController.class);

  private final EvidenceDocuments documents;

  EvidenceController(EvidenceDocuments documents) {
    this.documents = documents;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<EvidenceDocument> upload(@PathVariable String number, @RequestPart("file") MultipartFile file,
      Authentication caller) {
    EvidenceDocument stored = documents.upload(number, file.getOriginalFilename(), file.getSize(),
        () -> bytes(file), caller.getName());
    return ResponseEntity.created(URI.create("/api/complaints/" + number + "/documents/" + stored.id())).body(stored);
  }

  @GetMapping
  List<EvidenceDocument> list(@PathVariable String number, Authentication caller) {
    return documents.list(number, CaseAccess.groupsOf(caller.getAuthorities()));
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id, Authentication caller) {
    var opened = documents.open(number, id, caller.getName(), CaseAccess.groupsOf(caller.getAuthorities()),
        EvidenceDocuments.VIA_API);
    return Downloads.of(opened);
  }

  @ExceptionHandler(EvidenceRefusedException.class)
  ResponseEntity<ProblemDetail> refused(EvidenceRefusedException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
    problem.setTitle(ex.title());
    if (ex instanceof EvidenceRefusedException.Empty) {
      problem.setDetail("file is empty");
      problem.setProperties(Map.of("errors", List.of(Map.of("field", "file", "message", "is empty"))));
    }
    return problem(ex.status(), problem);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestPartException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        ex.getRequestPartName() + " is required");
    problem.setTitle("Invalid request");
    problem.setProperties(Map.of("errors", List.of(Map.of("field", ex.getRequestPartName(),
        "message", "is required: a PDF, JPEG or PNG file"))));
    return problem(HttpStatus.BAD_REQUEST, problem);
  }

  @ExceptionHandler(EvidenceNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(EvidenceNotFoundException ex) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    problem.setTitle("Document not found");
    return problem(HttpStatus.NOT_FOUND, problem);
  }

  @ExceptionHandler(EvidenceDamagedException.class)
  ResponseEntity<ProblemDetail> damaged(EvidenceDamagedException ex) {
    LOG.error("{}", ex.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
    problem.setTitle("Document damaged");
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, problem);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes with their type, a download name that cannot inject headers, and no sniffing. */
  static final class Downloads {

    private Downloads() {}

    static ResponseEntity<byte[]> of(EvidenceDocuments.Opened opened) {
      EvidenceDocument document = opened.document();
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType(document.contentType()));
      headers.setContentDisposition(ContentDisposition.attachment()
          .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build());
      headers.set("X-Content-Type-Options", "nosniff");
      headers.setCacheControl("private, no-store");
      headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
      return ResponseEntity.ok().headers(headers).body(opened.content());
    }
  }
}
