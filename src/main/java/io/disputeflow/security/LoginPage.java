package io.disputeflow.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page of our own pages (reports, replay): a form typed by a person; its script signs in
 * through the login of Camunda's webapps, so the same session serves Tasklist, Cockpit and our pages
 * ({@link WebappSessionAuthenticationFilter}), then goes back to the page asked for.
 */
@Controller
class LoginPage {

  private static final Resource PAGE = new ClassPathResource("static/login/index.html");

  @GetMapping(SignInEntryPoint.LOGIN_PAGE)
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(PAGE);
  }
}
