package io.disputeflow.process;

/**
 * processes/undelivered-letter.bpmn: a letter to the customer failed all its delivery attempts; a
 * coordinator retries it, sends it to a new e-mail address or has it printed and posted. Business
 * key: the complaint number.
 */
public final class UndeliveredLetterProcess {
  public static final String KEY = "undelivered-letter";

  public static final String START_LETTER_UNDELIVERED = "start_letter_undelivered";
  public static final String USER_RESOLVE_UNDELIVERED_LETTER = "user_resolve_undelivered_letter";
  public static final String SERVICE_CARRY_OUT_LETTER_ACTION = "service_carry_out_letter_action";
  public static final String END_LETTER_ACTION_TAKEN = "end_letter_action_taken";

  public static final ProcessVariable<Long> LETTER_ID = ProcessVariable.integer("letterId");
  /** The letter's type as the form shows it, e.g. {@code DECISION}. */
  public static final ProcessVariable<String> LETTER_TYPE = ProcessVariable.string("letterType");
  public static final ProcessVariable<String> LETTER_RECIPIENT = ProcessVariable.string("letterRecipient");
  public static final ProcessVariable<String> LETTER_ERROR = ProcessVariable.string("letterError");
  /** RETRY, NEW_ADDRESS or PRINT. */
  public static final ProcessVariable<String> LETTER_ACTION = ProcessVariable.string("letterAction");
  /** The customer's new e-mail address, with NEW_ADDRESS. */
  public static final ProcessVariable<String> NEW_EMAIL = ProcessVariable.string("newEmail");

  private UndeliveredLetterProcess() {}
}
