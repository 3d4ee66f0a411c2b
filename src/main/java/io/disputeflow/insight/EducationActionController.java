package io.disputeflow.insight;

import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The financial-education actions (客户教育、宣传) and their measured effect, for those who oversee the office. */
@RestController
@RequestMapping("/api/reports/education-actions")
class EducationActionController {

  private static final List<String> STATUSES = List.of(EducationActionRepository.PLANNING,
      EducationActionRepository.PLANNED, EducationActionRepository.HELD, EducationActionRepository.MEASURED,
      EducationActionRepository.DONE);

  private final EducationActionRepository actions;
  private final BankTime bankTime;

  EducationActionController(EducationActionRepository actions, BankTime bankTime) {
    this.actions = actions;
    this.bankTime = bankTime;
  }

  /** Newest first; {@code status} one of PLANNING, PLANNED, HELD, MEASURED, DONE, or all. */
  @GetMapping
  List<EducationAction> list(@RequestParam(required = false) String status) {
    String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (wanted != null && !STATUSES.contains(wanted)) {
      throw new InvalidFieldException("status", "must be one of " + STATUSES);
    }
    return actions.list(wanted).stream().map(this::inZone).toList();
  }

  @GetMapping("/{businessKey}")
  EducationAction get(@PathVariable String businessKey) {
    return actions.find(businessKey).map(this::inZone).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "No education action " + businessKey));
  }

  private EducationAction inZone(EducationAction a) {
    var effect = a.effect() == null ? null : new EducationAction.Effect(bankTime.inZone(a.effect().measuredAt()),
        a.effect().complaintsBefore(), a.effect().complaintsSince(), a.effect().change());
    return new EducationAction(a.businessKey(), a.improvementKey(), a.followsUp(), a.department(), a.rootCause(),
        a.product(), a.status(), bankTime.inZone(a.openedAt()), a.audience(), a.channel(), a.materials(), a.plannedOn(),
        a.plannedBy(), a.heldOn(), a.reach(), a.deliveryNotes(), a.deliveredBy(), effect, a.effective(),
        a.assessmentNotes(), a.assessedBy(), bankTime.inZone(a.closedAt()));
  }
}
