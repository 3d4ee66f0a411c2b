package io.disputeflow.audit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's replay page of one case. The page is static (served from the jar); its script reads
 * the complaint number from the address and fetches the case from our API.
 */
@Controller
class ReplayPage {

  private static final Resource PAGE = new ClassPathResource("static/audit/replay.html");

  @GetMapping("/audit/complaints/{number}")
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(PAGE);
  }
}
