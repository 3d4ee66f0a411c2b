package io.disputeflow.refusal;

/** A field whose value breaks a rule that bean validation cannot express (answered 400). */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
