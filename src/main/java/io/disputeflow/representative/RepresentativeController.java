package io.disputeflow.representative;

import io.disputeflow.complaint.Representative;
import io.disputeflow.time.BankTime;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records or changes who acts for the customer, e.g. once the power of attorney is uploaded as an
 * evidence document after intake. Answers the representative as now on file.
 */
@RestController
class RepresentativeController {

  private final Representatives representatives;
  private final BankTime bankTime;

  RepresentativeController(Representatives representatives, BankTime bankTime) {
    this.representatives = representatives;
    this.bankTime = bankTime;
  }

  @PutMapping("/api/complaints/{number}/representative")
  Representative record(@PathVariable String number, @Valid @RequestBody RepresentativeDetails body) {
    Representative r = representatives.record(number, body, "");
    return new Representative(r.name(), r.relation(), r.phone(), r.email(), r.address(), r.authorityDocumentId(),
        r.recordedBy(), bankTime.inZone(r.recordedAt()));
  }
}
