package io.disputeflow.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Everything but {@code GET /actuator/health} needs an account; each group may
 * call only its part ({@link ApiAccessRules}: first match wins, anything unlisted is refused). This
 * class sets up how a caller of ours is authenticated; {@link ServletFilterConfiguration} the filters
 * outside this chain.
 *
 * <ul>
 *   <li>Our API, actuator, OpenAPI and our pages: stateless HTTP Basic against the Camunda users
 *       (CamundaIdentityAuthenticationProvider), or for reads the browser session of Camunda's webapps
 *       ({@link WebappSessionAuthenticationFilter}). No session of our own and so no CSRF token; browser
 *       writes started by another site are refused by {@link CrossSiteWriteFilter}. 401 and 403 answer
 *       problem+json; only clients that are not browsers are challenged for Basic ({@link SignInEntryPoint}).</li>
 *   <li>Anything else (the webapps' own probes such as /camunda-welcome, unknown paths) is not ours and
 *       answers as it would without us: usually 404, never a sign-in challenge.</li>
 *   <li>{@code /engine-rest}: Camunda's own Basic authentication, so Modeler deployments name their
 *       user; the engine's authorizations (CamundaAuthorizations) decide what that user may do.</li>
 *   <li>{@code /camunda}: the webapps' own login session, CSRF token and security headers.</li>
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  /** Our API: its clients that are not browsers are challenged for HTTP Basic ({@link SignInEntryPoint}). */
  static final RequestMatcher API = new OrRequestMatcher(path("/api/**"), path("/actuator/**"), path("/v3/**"));
  /** Our pages: a person not signed in is sent to the sign-in page. */
  static final RequestMatcher PAGES = new OrRequestMatcher(path("/audit/**"), path("/reports"), path("/reports/**"));
  /** Everything of ours that needs an account; every controller lies in here (BrowserSignInTests). */
  static final RequestMatcher SIGNED_IN = new OrRequestMatcher(API, PAGES, path("/webjars/**"));
  /** Our sign-in page: open to everyone. */
  static final RequestMatcher LOGIN = new OrRequestMatcher(path(SignInEntryPoint.LOGIN_PAGE),
      path(SignInEntryPoint.LOGIN_PAGE + "/**"));

  @Bean
  SecurityFilterChain applicationSecurity(HttpSecurity http, ProblemResponses problems,
      CamundaIdentityAuthenticationProvider identities, ProcessEngine engine) throws Exception {
    SignInEntryPoint signIn = new SignInEntryPoint(problems, API, PAGES);
    return http
        // anything else answers as it would without us: the webapps (/camunda, their own login and headers), the
        // engine REST API (Camunda's Basic authentication), the welcome redirect, what browsers and the webapps
        // ask by themselves (favicon, /camunda-welcome: 404)
        .securityMatcher(new OrRequestMatcher(SIGNED_IN, LOGIN))
        .authorizeHttpRequests(auth -> ApiAccessRules.apply(auth
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(LOGIN).permitAll()))
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(signIn))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(problems))
        .addFilterBefore(new WebappSessionAuthenticationFilter(new WebappSessions(engine.getName()), identities),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new CrossSiteWriteFilter(problems), BasicAuthenticationFilter.class)
        // the only session is the webapps' (their login renews its id): ours must not change it, else a page's
        // parallel requests would each find the id the previous one just replaced
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
        .build();
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return ApiAccessRules.path(pattern);
  }
}
