package io.disputeflow.insight;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The regulator feed: a CFPB export as text/csv (UTF-8 unless the Content-Type names another charset). */
@RestController
class CfpbImportController {

  private final CfpbImporter importer;

  CfpbImportController(CfpbImporter importer) {
    this.importer = importer;
  }

  @PostMapping(path = "/api/imports/cfpb", consumes = "text/csv")
  CfpbImportResult importCsv(HttpServletRequest request) throws IOException {
    Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
    try (Reader csv = new InputStreamReader(request.getInputStream(), charset == null ? StandardCharsets.UTF_8 : charset)) {
      return importer.importCsv(csv);
    }
  }
}
