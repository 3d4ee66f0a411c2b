package io.disputeflow.referral;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.time.BankTime;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.ZoneId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A dispute referred to mediation, the regulator, an ombudsman, arbitration or a court, also after closing. */
@RestController
class ExternalReferralController {

  private static final String PATH = "/api/complaints/{number}/external-referrals";

  private final ExternalReferrals referrals;
  private final ExternalReferralRepository records;
  private final ZoneId zone;

  ExternalReferralController(ExternalReferrals referrals, ExternalReferralRepository records,
      BankTime bankTime) {
    this.referrals = referrals;
    this.records = records;
    this.zone = bankTime.zone();
  }

  @PostMapping(PATH)
  ResponseEntity<ExternalReferral> refer(@PathVariable String number, @Valid @RequestBody ReferralRequest body) {
    long id = referrals.refer(number, body.registration(zone));
    return ResponseEntity.created(URI.create("/api/complaints/" + number + "/external-referrals/" + id))
        .body(records.find(number, id).orElseThrow());
  }

  @GetMapping(PATH + "/{id}")
  ExternalReferral get(@PathVariable String number, @PathVariable long id) {
    return records.find(number, id)
        .orElseThrow(() -> new ComplaintNotFoundException(number, "external referral " + id));
  }
}
