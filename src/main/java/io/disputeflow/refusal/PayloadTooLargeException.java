package io.disputeflow.refusal;

import java.io.IOException;

/** A request body past its size limit (answered 413); thrown while the body is being read. */
public class PayloadTooLargeException extends IOException {

  public PayloadTooLargeException(long limit) {
    super("The request body is larger than the " + limit + " bytes allowed here");
  }
}
