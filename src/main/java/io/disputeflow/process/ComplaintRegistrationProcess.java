package io.disputeflow.process;

/**
 * processes/complaint-registration.bpmn: a coordinator or branch-desk user registers a walk-in or
 * phone complaint in Tasklist. The start form's values go through intake exactly as the API's, in
 * the start's own transaction; the registration then hands the case to its complaint-handling
 * instance and shows the number to give the customer.
 */
public final class ComplaintRegistrationProcess {
  public static final String KEY = "complaint-registration";

  public static final String START_COMPLAINT_RECEIVED = "start_complaint_received";
  public static final String SERVICE_REGISTER_COMPLAINT = "service_register_complaint";
  public static final String USER_TELL_CUSTOMER_NUMBER = "user_tell_customer_number";
  public static final String END_COMPLAINT_HANDED_OVER = "end_complaint_handed_over";

  /** The start form's fields beside the complaint's own variables (ComplaintVariables). */
  public static final ProcessVariable<String> CUSTOMER_ID = ProcessVariable.string("customerId");
  public static final ProcessVariable<String> CUSTOMER_PHONE = ProcessVariable.string("customerPhone");
  public static final ProcessVariable<String> CUSTOMER_EMAIL = ProcessVariable.string("customerEmail");
  public static final ProcessVariable<String> PREFERRED_LANGUAGE = ProcessVariable.string("preferredLanguage");
  /** The complaint is made on the customer's behalf: the representative's fields below apply. */
  public static final ProcessVariable<Boolean> ON_BEHALF = ProcessVariable.bool("onBehalf");
  public static final ProcessVariable<String> REPRESENTATIVE_NAME = ProcessVariable.string("representativeName");
  /** RELATIVE, LAWYER, AUTHORISED_AGENT, GUARDIAN or OTHER. */
  public static final ProcessVariable<String> REPRESENTATIVE_RELATION = ProcessVariable.string("representativeRelation");
  public static final ProcessVariable<String> REPRESENTATIVE_PHONE = ProcessVariable.string("representativePhone");
  public static final ProcessVariable<String> REPRESENTATIVE_EMAIL = ProcessVariable.string("representativeEmail");
  public static final ProcessVariable<String> REPRESENTATIVE_ADDRESS = ProcessVariable.string("representativeAddress");
  /** CREATED, or MERGED_INTO_OPEN_CASE when the customer's open case took the submission in. */
  public static final ProcessVariable<String> REGISTRATION_OUTCOME = ProcessVariable.string("registrationOutcome");

  private ComplaintRegistrationProcess() {}
}
