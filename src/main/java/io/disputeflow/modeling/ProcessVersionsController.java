package io.disputeflow.modeling;

import io.disputeflow.modeling.ProcessVersions.Migration;
import io.disputeflow.modeling.ProcessVersions.Model;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The deployed versions of each model, and migration of open instances to the latest one. */
@RestController
@RequestMapping("/api/process-versions")
class ProcessVersionsController {

  private final ProcessVersions versions;

  ProcessVersionsController(ProcessVersions versions) {
    this.versions = versions;
  }

  @GetMapping
  List<Model> list() {
    return versions.list();
  }

  /**
   * Builds the plan from {@code fromVersion} to the latest version, reports the instances that
   * cannot move and why, and (unless {@code dryRun}) migrates the others in a batch.
   *
   * @param mappings activity ids that changed: old id → new id (same ids map by themselves)
   */
  record MigrationRequest(Integer fromVersion, Boolean dryRun, Map<String, String> mappings) {}

  @PostMapping("/{key}/migrate")
  Migration migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
    return versions.migrate(key, request.fromVersion(), !Boolean.FALSE.equals(request.dryRun()),
        request.mappings() == null ? Map.of() : request.mappings());
  }
}
