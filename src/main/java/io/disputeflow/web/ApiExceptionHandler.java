package io.disputeflow.web;

import io.disputeflow.refusal.PayloadTooLargeException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.disputeflow.complaint.CaseEndedException;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.CustomerActionRefusedException;
import io.disputeflow.deadline.ClockActionRefusedException;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.refusal.InvalidFieldsException;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of our API is an application/problem+json with a title, a detail and, for bad
 * input, {@code errors}: one entry per field at fault. No stack trace ever leaves the server.
 */
// for every handler, also for requests no handler takes (415, 405, 404 of an unknown path)
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

  record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
        .sorted(java.util.Comparator.comparing(FieldError::field))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getParameterValidationResults().stream()
        .flatMap(result -> result.getResolvableErrors().stream()
            .map(error -> new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (org.springframework.core.NestedExceptionUtils.getRootCause(ex) instanceof PayloadTooLargeException tooLarge) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", tooLarge.getMessage());
    }
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      InvalidFieldException fault = TypeFaults.fault(mapping);
      return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(fault.field(), fault.getMessage()))));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON");
    problem.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
        ? "must be one of " + Arrays.toString(ex.getRequiredType().getEnumConstants())
        : "has an invalid value";
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.getName(), message))));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
    List<FieldError> errors = ex.getConstraintViolations().stream()
        .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<Object> invalidField(InvalidFieldException ex) {
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(ex.field(), ex.getMessage()))));
  }

  @ExceptionHandler(InvalidFieldsException.class)
  ResponseEntity<Object> invalidFields(InvalidFieldsException ex) {
    return ResponseEntity.badRequest().body(invalid(ex.faults().stream()
        .map(fault -> new FieldError(fault.field(), fault.getMessage())).toList()));
  }

  @ExceptionHandler(ComplaintNotFoundException.class)
  ResponseEntity<Object> notFound(ComplaintNotFoundException ex) {
    return problem(HttpStatus.NOT_FOUND, "Complaint not found", ex.getMessage());
  }

  @ExceptionHandler(CustomerActionRefusedException.class)
  ResponseEntity<Object> notAwaiting(CustomerActionRefusedException ex) {
    return problem(HttpStatus.CONFLICT, "Not awaiting this customer action", ex.getMessage());
  }

  @ExceptionHandler(CaseEndedException.class)
  ResponseEntity<Object> caseEnded(CaseEndedException ex) {
    return problem(HttpStatus.CONFLICT, "The case has ended", ex.getMessage());
  }

  @ExceptionHandler(io.disputeflow.complaint.CaseNotClosedException.class)
  ResponseEntity<Object> notClosed(io.disputeflow.complaint.CaseNotClosedException ex) {
    return problem(HttpStatus.CONFLICT, "The case is not closed", ex.getMessage());
  }

  @ExceptionHandler(ClockActionRefusedException.class)
  ResponseEntity<Object> clockRefused(ClockActionRefusedException ex) {
    return problem(HttpStatus.CONFLICT, "Not possible on the decision clock now", ex.getMessage());
  }

  /**
   * Another request or a job (a timer firing, the job executor of another node) changed the same case
   * in the same moment and committed first: this request changed nothing and may be retried.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Object> changedConcurrently(OptimisticLockingException ex) {
    LOG.info("Concurrent change refused: {}", ex.getMessage());
    return problem(HttpStatus.CONFLICT, "Changed concurrently",
        "The case was changed by another request at the same moment and nothing of this request was stored;"
            + " read the case again and retry if the action is still awaited");
  }

  /** Two requests with the same channel and external reference at once: the first one creates the case. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> submittedConcurrently(DuplicateKeyException ex) {
    return problem(HttpStatus.CONFLICT, "Submitted concurrently",
        "The same submission is being taken in by another request; nothing of this request was stored."
            + " Retry to receive the case it created");
  }

  /** Spring's own refusals (415, 405, 406, …) as problem+json too, whatever the client accepts. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** A caller whose group may call the endpoint, but not for this complaint. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException ex) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
  }

  /** Anything unforeseen: logged here with its stack trace, answered with a reference only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex) {
    String reference = java.util.UUID.randomUUID().toString();
    LOG.error("Unexpected error, reference {}", reference, ex);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The request could not be completed and nothing was changed; quote reference " + reference);
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperties(Map.of("errors", errors));
    return problem;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
