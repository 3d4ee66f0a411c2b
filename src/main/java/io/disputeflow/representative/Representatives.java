package io.disputeflow.representative;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.RepresentativeRepository;
import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.InvalidFieldException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who made a complaint on the customer's behalf: at intake, or later (the authority document is
 * often uploaded after the complaint is in). Each recording or change is a row of its own, and so an
 * entry of the case's timeline; recording the same details again changes nothing.
 */
@Service
public class Representatives {

  private static final Logger LOG = LoggerFactory.getLogger(Representatives.class);

  private final ComplaintRepository complaints;
  private final RepresentativeRepository representatives;
  private final Clock clock;
  private final IdentityService identityService;

  Representatives(ComplaintRepository complaints, RepresentativeRepository representatives, Clock clock,
      IdentityService identityService) {
    this.identityService = identityService;
    this.complaints = complaints;
    this.representatives = representatives;
    this.clock = clock;
  }

  /**
   * Records {@code details} as the case's representative (already checked by bean validation); the
   * authority document must be one of the case's own. {@code fieldPrefix} names the refused field as
   * the caller sent it ("representative." at intake, "" for the representative's own endpoint).
   */
  @Transactional
  public Representative record(String number, RepresentativeDetails details, String fieldPrefix) {
    String recordedBy = actingUser();
    complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    Long document = details.authorityDocumentId();
    if (document != null && !representatives.hasDocument(number, document)) {
      throw new InvalidFieldException(fieldPrefix + "authorityDocumentId", "complaint " + number
          + " has no evidence document " + document + ": upload the authority to the case first"
          + " (POST /api/complaints/" + number + "/documents), then record it here");
    }
    Representative recorded = details.toRecord(recordedBy, OffsetDateTime.now(clock));
    Optional<Representative> current = representatives.current(number);
    if (current.isPresent() && sameDetails(current.get(), recorded)) {
      return current.get();
    }
    representatives.insert(number, recorded);
    // the log masks phone numbers and e-mail addresses, as every line (security/MaskingMessageConverter)
    LOG.info("Representative of {} recorded by {}: {} ({}), phone {}, e-mail {}, authority document {}", number,
        recordedBy, recorded.name(), recorded.relation(), recorded.phone(), recorded.email(), document);
    return recorded;
  }

  /** The API's caller, else the engine's user (a Tasklist start form, which runs in the engine). */
  private String actingUser() {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
      return caller.getName();
    }
    return EngineUser.id(identityService);
  }

  private static boolean sameDetails(Representative a, Representative b) {
    return a.name().equals(b.name()) && a.relation().equals(b.relation()) && Objects.equals(a.phone(), b.phone())
        && Objects.equals(a.email(), b.email()) && Objects.equals(a.address(), b.address())
        && Objects.equals(a.authorityDocumentId(), b.authorityDocumentId());
  }
}
