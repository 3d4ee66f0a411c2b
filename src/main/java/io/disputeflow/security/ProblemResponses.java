package io.disputeflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Refusals that happen before our controllers, answered like theirs: application/problem+json
 * (a missing sign-in: {@link SignInEntryPoint}).
 */
@Component
public class ProblemResponses implements AccessDeniedHandler, RequestRejectedHandler {

  static final String REALM = "DisputeFlow";

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
        "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI());
  }

  /** Spring Security's firewall: e.g. an encoded ";" or "/" in the path. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(request, response, HttpStatus.BAD_REQUEST, "Request rejected",
        "The request URL contains characters that are not accepted");
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
