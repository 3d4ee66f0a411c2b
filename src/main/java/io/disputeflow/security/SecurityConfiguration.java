package io.disputeflow.security;

import static io.disputeflow.security.Groups.AUDITOR;
import static io.disputeflow.security.Groups.CAMUNDA_ADMIN;
import static io.disputeflow.security.Groups.COORDINATOR;
import static io.disputeflow.security.Groups.HEAD;
import static io.disputeflow.security.Groups.INTAKE;
import static io.disputeflow.security.Groups.LEGAL;
import static io.disputeflow.security.Groups.MONITORING;
import static io.disputeflow.security.Groups.PROCESS_OWNER;
import static io.disputeflow.security.Groups.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Who may call what. Everything but {@code GET /actuator/health} needs an account; each group may
 * call only its part (the table below, first match wins, anything unlisted is refused).
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

  /** Customers' contact data and the case file: the groups that handle or oversee cases. */
  private static final String[] CASE_READERS = {COORDINATOR, SUPERVISOR, HEAD, AUDITOR};
  private static final String[] OVERSIGHT = {SUPERVISOR, HEAD, AUDITOR};
  /** One complaint: also its channel (status, awaited actions), and the departments and legal counsel. */
  private static final String[] COMPLAINT_READERS = Stream.of(Stream.of(CASE_READERS), Stream.of(INTAKE, LEGAL),
      Groups.DEPARTMENTS.stream()).flatMap(s -> s).toArray(String[]::new);

  /** A case's documents: those who handle or oversee cases, and the departments and legal counsel. */
  private static final String[] DOCUMENT_READERS = Stream.of(Stream.of(CASE_READERS), Stream.of(LEGAL),
      Groups.DEPARTMENTS.stream()).flatMap(s -> s).toArray(String[]::new);

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
        .authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(LOGIN).permitAll()
            // what Prometheus scrapes (docs/operations/metrics.md): figures, no case data
            .requestMatchers(path(GET, "/actuator/prometheus")).hasAnyAuthority(authorities(CAMUNDA_ADMIN, MONITORING))
            .requestMatchers(path("/actuator/**")).hasAuthority(authority(CAMUNDA_ADMIN))
            .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**"), path("/v3/api-docs.yaml")).authenticated()
            // channel systems: new complaints and the customer's answers
            .requestMatchers(path(POST, "/api/complaints")).hasAuthority(authority(INTAKE))
            .requestMatchers(path(POST, "/api/complaints/*/customer-response"),
                path(POST, "/api/complaints/*/reverification-request"),
                path(POST, "/api/complaints/*/survey")).hasAuthority(authority(INTAKE))
            // the customer's withdrawal: passed on by a channel, or by the coordinator who took the call
            .requestMatchers(path(POST, "/api/complaints/*/withdrawal")).hasAnyAuthority(authorities(INTAKE, COORDINATOR))
            // who acts for the customer (and their authority document): passed on by a channel, or the coordinator
            .requestMatchers(path(org.springframework.http.HttpMethod.PUT, "/api/complaints/*/representative"))
                .hasAnyAuthority(authorities(INTAKE, COORDINATOR))
            // outside referrals (mediation, regulator, ombudsman, arbitration, court): registered by the coordinator,
            // the supervisor or the head, or passed on by a channel system; read by those who handle the case
            .requestMatchers(path(POST, "/api/complaints/*/external-referrals")).hasAnyAuthority(
                authorities(INTAKE, COORDINATOR, SUPERVISOR, HEAD))
            .requestMatchers(path(GET, "/api/complaints/*/external-referrals/*")).hasAnyAuthority(
                authorities(INTAKE, COORDINATOR, SUPERVISOR, HEAD, AUDITOR))
            // a closed case reopened: by a coordinator or a supervisor
            .requestMatchers(path(POST, "/api/complaints/*/reopening")).hasAnyAuthority(
                authorities(COORDINATOR, SUPERVISOR))
            // the case file a coordinator sends an outside body includes the timeline export
            .requestMatchers(path(GET, "/api/complaints/*/timeline")).hasAnyAuthority(
                authorities(COORDINATOR, SUPERVISOR, HEAD, AUDITOR))
            // regulator-referred complaints: a channel system or a coordinator imports the CFPB file
            .requestMatchers(path(POST, "/api/imports/**")).hasAnyAuthority(authorities(INTAKE, COORDINATOR))
            // their progress: those who import, and those who oversee the office (the reports page lists them)
            .requestMatchers(path(GET, "/api/imports"), path(GET, "/api/imports/*")).hasAnyAuthority(
                authorities(INTAKE, COORDINATOR, SUPERVISOR, HEAD, AUDITOR, PROCESS_OWNER))
            // the decision clock: the coordinator asks, the supervisor may too (the head approves)
            .requestMatchers(path(POST, "/api/complaints/*/extension-requests"),
                path(POST, "/api/complaints/*/clock/pause"),
                path(POST, "/api/complaints/*/clock/provisional-credit"),
                path(POST, "/api/complaints/*/clock/resume")).hasAnyAuthority(authorities(COORDINATOR, SUPERVISOR))
            // correspondence: read by those who handle or oversee the case, resent by the coordinator
            .requestMatchers(path(POST, "/api/complaints/*/letters/*/retry")).hasAuthority(authority(COORDINATOR))
            .requestMatchers(path(POST, "/api/complaints/*/letters/*/delivery")).hasAuthority(authority(COORDINATOR))
            .requestMatchers(path(GET, "/api/complaints/*/letters"), path(GET, "/api/complaints/*/letters/**"))
                .hasAnyAuthority(authorities(CASE_READERS))
            // evidence documents: added by coordinators (and by a channel at intake), read as the case is
            // (EvidenceDocuments: a department only while it reviews the case, legal counsel only when consulted)
            .requestMatchers(path(POST, "/api/complaints/*/documents")).hasAnyAuthority(authorities(COORDINATOR, INTAKE))
            .requestMatchers(path(GET, "/api/complaints/*/documents"), path(GET, "/api/complaints/*/documents/*"))
                .hasAnyAuthority(authorities(DOCUMENT_READERS))
            // audit trail and replay
            .requestMatchers(path(GET, "/api/complaints/*/timeline"), path(GET, "/api/complaints/*/timeline/**"),
                path(GET, "/api/complaints/*/processes")).hasAnyAuthority(authorities(OVERSIGHT))
            .requestMatchers(path("/api/audit/**"), path("/audit/**")).hasAuthority(authority(AUDITOR))
            // one complaint: departments and legal counsel only those they review, contact data masked
            .requestMatchers(path(GET, "/api/complaints/*")).hasAnyAuthority(authorities(COMPLAINT_READERS))
            .requestMatchers(path(GET, "/api/complaints")).hasAnyAuthority(authorities(CASE_READERS))
            // figures and early warnings: those who oversee the office, and process owners who change it
            .requestMatchers(path(GET, "/api/reports/**"), path(GET, "/reports"), path(GET, "/reports/**"),
                path(GET, "/webjars/**")).hasAnyAuthority(authorities(SUPERVISOR, HEAD, AUDITOR, PROCESS_OWNER))
            // model versions: read by those who oversee the office, open instances moved by the process owners
            .requestMatchers(path(GET, "/api/process-versions"))
                .hasAnyAuthority(authorities(PROCESS_OWNER, SUPERVISOR, HEAD, AUDITOR))
            .requestMatchers(path(POST, "/api/process-versions/*/migrate")).hasAuthority(authority(PROCESS_OWNER))
            .anyRequest().denyAll())
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

  /** Before authentication: an oversized body is refused unread, whoever sends it. */
  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> apiBodySizeLimit(ProblemResponses problems,
      @Value("${disputeflow.security.max-body-size}") DataSize maxBody,
      @Value("${disputeflow.security.max-import-size}") DataSize maxImport,
      @Value("${disputeflow.evidence.max-file-size}") DataSize maxDocument) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBody, maxImport, maxDocument, problems));
    registration.addUrlPatterns("/api/*", "/camunda/evidence/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  /** Before Camunda's authentication of /engine-rest: a browser gets its 401 without the Basic challenge. */
  @Bean
  FilterRegistrationBean<NoBrowserChallengeFilter> engineRestNoBrowserChallenge() {
    FilterRegistrationBean<NoBrowserChallengeFilter> registration =
        new FilterRegistrationBean<>(new NoBrowserChallengeFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-no-browser-challenge");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-authentication");
    // after the browser-challenge filter, before the filters that act on the authenticated user
    // (the deployment submission: LOWEST_PRECEDENCE)
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static PathPatternRequestMatcher path(org.springframework.http.HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static String authority(String group) {
    return Groups.authority(group);
  }

  private static String[] authorities(String... groups) {
    return Stream.of(groups).map(Groups::authority).toArray(String[]::new);
  }
}
