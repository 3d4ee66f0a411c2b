package io.disputeflow.insight;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisors' report page: static, served from the jar; its script reads /api/reports. */
@Controller
class ReportsPage {

  private static final Resource PAGE = new ClassPathResource("static/reports/index.html");

  @GetMapping({"/reports", "/reports/"})
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(PAGE);
  }
}
