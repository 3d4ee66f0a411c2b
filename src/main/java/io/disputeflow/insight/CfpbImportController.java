package io.disputeflow.insight;

import io.disputeflow.refusal.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The regulator feed: a CFPB export as text/csv (UTF-8 unless the Content-Type names another charset),
 * imported in the background; its progress under the Location the answer names.
 */
@RestController
class CfpbImportController {

  private static final Duration RECENT = Duration.ofDays(7);

  private final CfpbImports imports;

  CfpbImportController(CfpbImports imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/api/imports/cfpb", consumes = "text/csv")
  ResponseEntity<CfpbImports.CfpbImportView> importCsv(HttpServletRequest request, Principal user) throws IOException {
    Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
    String csv = decode(request.getInputStream().readAllBytes(), charset == null ? StandardCharsets.UTF_8 : charset);
    String id = imports.start(csv, 0, user.getName());
    return ResponseEntity.accepted()
        .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/imports/{id}").build(id))
        .body(imports.find(id).orElseThrow());
  }

  @GetMapping("/api/imports/{id}")
  CfpbImports.CfpbImportView find(@PathVariable String id) {
    return imports.find(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no import " + id), null));
  }

  /** Running imports and those finished in the last 7 days (the reports page shows them). */
  @GetMapping("/api/imports")
  List<CfpbImports.CfpbImportView> recent() {
    return imports.recent(RECENT);
  }

  private static String decode(byte[] body, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFieldException("body", "is not " + charset.name() + " text (name the file's charset in the"
          + " Content-Type, e.g. text/csv;charset=windows-1252)");
    }
  }
}
