package io.disputeflow.correspondence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A letter id that the complaint has no letter with: 404 problem. */
class LetterNotFoundException extends ErrorResponseException {

  LetterNotFoundException(String complaintNumber, long letterId) {
    super(HttpStatus.NOT_FOUND, problem(complaintNumber, letterId), null);
  }

  private static ProblemDetail problem(String complaintNumber, long letterId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "Complaint " + complaintNumber + " has no letter " + letterId);
    problem.setTitle("Letter not found");
    return problem;
  }
}
