package io.disputeflow.process;

/** processes/legal-consultation.bpmn: legal counsel's opinion, only when needed. */
public final class LegalConsultationProcess {
  public static final String KEY = "legal-consultation";

  public static final String USER_GIVE_LEGAL_OPINION = "user_give_legal_opinion";
  public static final String SERVICE_RECORD_LEGAL_OPINION = "service_record_legal_opinion";
  public static final String END_LEGAL_OPINION_GIVEN = "end_legal_opinion_given";

  public static final String TIMER_LEGAL_OPINION_OVERDUE = "timer_legal_opinion_overdue";
  public static final String END_LEGAL_OPINION_ESCALATED = "end_legal_opinion_escalated";

  private LegalConsultationProcess() {}
}
