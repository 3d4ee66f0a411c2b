package io.disputeflow.refusal;

import java.util.List;

/** Several fields at fault at once, each named with its rule (answered 400, every field listed). */
public class InvalidFieldsException extends RuntimeException {

  private final List<InvalidFieldException> faults;

  public InvalidFieldsException(List<InvalidFieldException> faults) {
    super(faults.stream().map(f -> f.field() + " " + f.getMessage()).reduce((a, b) -> a + "; " + b).orElse(""));
    this.faults = List.copyOf(faults);
  }

  public List<InvalidFieldException> faults() {
    return faults;
  }
}
