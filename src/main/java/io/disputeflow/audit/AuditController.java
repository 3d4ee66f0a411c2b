package io.disputeflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Pattern;

/** The audit trail of one case: its timeline (JSON or CSV), its verification and its processes. */
@RestController
@RequestMapping("/api/complaints/{number}")
@Validated
class AuditController {

  private static final Logger LOG = LoggerFactory.getLogger(AuditController.class);
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final TimelineService timelines;
  private final TamperEvidence tamperEvidence;
  private final CaseProcesses processes;
  private final ObjectMapper json;

  AuditController(TimelineService timelines, TamperEvidence tamperEvidence, CaseProcesses processes,
      ObjectMapper json) {
    this.timelines = timelines;
    this.tamperEvidence = tamperEvidence;
    this.processes = processes;
    this.json = json;
  }

  @GetMapping("/timeline")
  ResponseEntity<?> timeline(@PathVariable String number,
      @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
    Timeline timeline = anchorIfClosed(number).orElseGet(() -> timelines.timeline(number));
    if ("csv".equals(format)) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename(number + "-timeline.csv").build().toString())
          .header("DisputeFlow-Head-Hash", timeline.headHash())
          .body(TimelineCsv.write(timeline, json));
    }
    return ResponseEntity.ok().header("DisputeFlow-Head-Hash", timeline.headHash()).body(timeline);
  }

  @GetMapping("/timeline/verify")
  Verification verify(@PathVariable String number) {
    anchorIfClosed(number);
    return tamperEvidence.verify(number);
  }

  @GetMapping("/processes")
  List<CaseProcesses.CaseProcess> processes(@PathVariable String number) {
    return processes.of(number);
  }

  /**
   * A closed case anchored before this feature, or whose anchoring at closing failed, is anchored
   * now; later entries join its anchor. Answers the timeline of a closed case.
   */
  private Optional<Timeline> anchorIfClosed(String number) {
    try {
      return tamperEvidence.anchor(number);
    } catch (DataAccessException e) {
      // a concurrent request anchored it a moment earlier
      LOG.debug("Anchoring {} raced with another request", number, e);
      return Optional.empty();
    }
  }
}
