package io.disputeflow.referral;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.time.BankTime;
import io.disputeflow.time.IsoDurations;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When the case file must reach the outside body: by the deadline the body set for its answer, or, when it
 * set none, within the bank's period for that kind of body ({@code disputeflow.referral.case-file-within.<BODY>},
 * an ISO period counted in calendar days from the referral in the bank's zone). The defaults are the bank's
 * own targets, not a legal rule: set them to what the bodies the bank deals with ask for.
 */
@Component
class CaseFileDeadlines {

  static final Map<ExternalReferral.Body, String> DEFAULTS = Map.of(ExternalReferral.Body.MEDIATION, "P10D",
      ExternalReferral.Body.REGULATOR, "P10D", ExternalReferral.Body.OMBUDSMAN, "P14D",
      ExternalReferral.Body.ARBITRATION, "P15D", ExternalReferral.Body.COURT, "P15D");

  private final Map<ExternalReferral.Body, String> within = new EnumMap<>(ExternalReferral.Body.class);
  private final ZoneId zone;

  CaseFileDeadlines(Environment environment, BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.zone = zone;
    for (ExternalReferral.Body body : ExternalReferral.Body.values()) {
      String period = environment.getProperty("disputeflow.referral.case-file-within." + body.name(),
          DEFAULTS.get(body));
      // a period that does not parse stops the start, not the first referral
      try {
        IsoDurations.add(java.time.ZonedDateTime.now(zone), period);
      } catch (RuntimeException e) {
        throw new IllegalStateException("disputeflow.referral.case-file-within." + body.name()
            + " must be an ISO-8601 period, e.g. P10D: " + period, e);
      }
      within.put(body, period);
    }
  }

  OffsetDateTime caseFileDueAt(ExternalReferral.Registration referral) {
    if (referral.responseDueAt() != null) {
      return referral.responseDueAt();
    }
    return IsoDurations.add(referral.referredAt().atZoneSameInstant(zone), within.get(referral.body()))
        .toOffsetDateTime();
  }
}
