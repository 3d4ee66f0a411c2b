package io.disputeflow.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in user, and the complaint of a /api/complaints/{number}/... request, into the log
 * context of the request's lines, and takes them out after. Runs after Spring Security (a plain filter
 * bean comes after its chain), so the user is known.
 */
@Component
class CaseLogFilter extends OncePerRequestFilter {

  private static final Pattern COMPLAINT_PATH = Pattern.compile("^/api/complaints/([^/]+)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String user = authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    Matcher complaint = COMPLAINT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    try (var userScope = CaseLogContext.actingUser(user);
        var complaintScope = CaseLogContext.complaint(complaint.find() ? complaint.group(1) : null)) {
      chain.doFilter(request, response);
    }
  }
}
