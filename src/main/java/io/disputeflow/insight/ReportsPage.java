package io.disputeflow.insight;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' report pages: static, served from the jar; their scripts read /api/reports. */
@Controller
class ReportsPage {

  private static final Resource PAGE = new ClassPathResource("static/reports/index.html");
  private static final Resource OPEN_CASES = new ClassPathResource("static/reports/open-cases.html");

  @GetMapping({"/reports", "/reports/"})
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(PAGE);
  }

  /** The live board of open cases, beside the reports. */
  @GetMapping("/reports/open-cases")
  ResponseEntity<Resource> openCases() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(OPEN_CASES);
  }
}
