package io.disputeflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of our own pages (reports, replay): a form typed by a person; its script signs in
 * through the login of Camunda's webapps for our engine, so the same session serves Tasklist, Cockpit
 * and our pages ({@link WebappSessionAuthenticationFilter}), then goes back to the page asked for.
 */
@Controller
class LoginPage {

  private final String page;

  LoginPage(ProcessEngine engine) throws IOException {
    String html = new ClassPathResource("static/login/index.html").getContentAsString(StandardCharsets.UTF_8);
    this.page = html.replace("data-engine=\"default\"", "data-engine=\"" + HtmlUtils.htmlEscape(engine.getName()) + "\"");
  }

  @GetMapping(SignInEntryPoint.LOGIN_PAGE)
  ResponseEntity<String> page() {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore()).body(page);
  }
}
