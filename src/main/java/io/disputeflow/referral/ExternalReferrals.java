package io.disputeflow.referral;

import static io.disputeflow.process.ComplaintVariables.COMPLAINT_NUMBER;
import static io.disputeflow.process.ExternalReferralProcess.EXTERNAL_REFERRAL_ID;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_BODY;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_ORGANISATION;
import static io.disputeflow.process.ExternalReferralProcess.REFERRAL_REFERENCE;
import static io.disputeflow.process.ExternalReferralProcess.REFERRED_AT_TEXT;
import static io.disputeflow.process.ExternalReferralProcess.RESPONSE_DUE_AT_TEXT;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.process.ActingUser;
import io.disputeflow.process.ExternalReferralProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispute referred to an outside body, also once the case is closed: the referral's own process
 * (external-referral, business key = complaint number) records it in its first step and gives the
 * coordinator the case file to send.
 */
@Service
public class ExternalReferrals {

  private final ComplaintRepository complaints;
  private final RuntimeService runtimeService;
  private final ActingUser actingUser;

  ExternalReferrals(ComplaintRepository complaints, RuntimeService runtimeService, ActingUser actingUser) {
    this.complaints = complaints;
    this.runtimeService = runtimeService;
    this.actingUser = actingUser;
  }

  /** Registers a referral of a valid request; answers its id. */
  @Transactional
  public long refer(String number, ExternalReferral.Registration referral) {
    complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    Map<String, Object> variables = new HashMap<>();
    COMPLAINT_NUMBER.put(variables, number);
    REFERRAL_BODY.put(variables, referral.body().name());
    REFERRAL_ORGANISATION.put(variables, referral.organisation());
    REFERRAL_REFERENCE.put(variables, referral.reference());
    REFERRED_AT_TEXT.put(variables, referral.referredAt().toString());
    RESPONSE_DUE_AT_TEXT.put(variables, referral.responseDueAt() == null ? null : referral.responseDueAt().toString());
    return actingUser.call(() -> EXTERNAL_REFERRAL_ID.from(runtimeService
        .createProcessInstanceByKey(ExternalReferralProcess.KEY).businessKey(number).setVariables(variables)
        .executeWithVariablesInReturn().getVariables()));
  }
}
