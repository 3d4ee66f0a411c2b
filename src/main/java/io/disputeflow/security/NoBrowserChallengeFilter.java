package io.disputeflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's engine REST API answers a request without valid credentials with an HTTP Basic challenge.
 * A browser would open its own sign-in dialog on it: for browsers ({@link BrowserRequests}) the answer
 * stays {@code 401}, without the challenge.
 */
class NoBrowserChallengeFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !BrowserRequests.fromBrowser(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
