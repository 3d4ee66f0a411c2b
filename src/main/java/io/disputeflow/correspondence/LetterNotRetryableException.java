package io.disputeflow.correspondence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Only a FAILED letter can be retried: 409 problem naming the letter's status. */
class LetterNotRetryableException extends ErrorResponseException {

  LetterNotRetryableException(Letter letter) {
    super(HttpStatus.CONFLICT, problem(letter), null);
  }

  /** The same 409 for another action the letter's status does not allow. */
  LetterNotRetryableException(Letter letter, String why) {
    super(HttpStatus.CONFLICT, problem(letter), null);
    getBody().setDetail("Letter " + letter.id() + " is " + letter.status() + ": " + why);
    getBody().setTitle("Letter action not possible");
  }

  private static ProblemDetail problem(Letter letter) {
    String detail = letter.status() == LetterStatus.FAILED
        ? "Letter " + letter.id() + " has no content to send: " + letter.lastError()
        : "Letter " + letter.id() + " is " + letter.status() + "; only a FAILED letter can be retried";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Letter not retryable");
    problem.setProperty("letterStatus", letter.status());
    return problem;
  }
}
