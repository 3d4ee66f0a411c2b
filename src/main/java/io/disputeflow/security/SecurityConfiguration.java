package io.disputeflow.security;

import static io.disputeflow.security.Groups.AUDITOR;
import static io.disputeflow.security.Groups.CAMUNDA_ADMIN;
import static io.disputeflow.security.Groups.COORDINATOR;
import static io.disputeflow.security.Groups.HEAD;
import static io.disputeflow.security.Groups.INTAKE;
import static io.disputeflow.security.Groups.LEGAL;
import static io.disputeflow.security.Groups.PROCESS_OWNER;
import static io.disputeflow.security.Groups.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import java.util.stream.Stream;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * Who may call what. Everything but {@code GET /actuator/health} needs an account; each group may
 * call only its part (the table below, first match wins, anything unlisted is refused).
 *
 * <ul>
 *   <li>Our API, actuator, OpenAPI and our pages: stateless HTTP Basic against the Camunda users
 *       (CamundaIdentityAuthenticationProvider). No session and so no CSRF token; browsers, which send
 *       cached Basic credentials by themselves, are kept from cross-site writes by
 *       {@link CrossSiteWriteFilter}. 401 and 403 answer problem+json.</li>
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

  @Bean
  SecurityFilterChain applicationSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http
        .securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**"))))
        .authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
            // the welcome redirect to the webapps
            .requestMatchers(path(GET, "/")).permitAll()
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            // what browsers ask of any site by themselves (nothing here: 404); a Basic challenge would pop a
            // login dialog over Tasklist
            .requestMatchers(path(GET, "/favicon.ico"), path(GET, "/robots.txt"), path(GET, "/.well-known/**")).permitAll()
            .requestMatchers(path("/actuator/**")).hasAuthority(authority(CAMUNDA_ADMIN))
            .requestMatchers(path("/v3/api-docs"), path("/v3/api-docs/**")).authenticated()
            // channel systems: new complaints and the customer's answers
            .requestMatchers(path(POST, "/api/complaints")).hasAuthority(authority(INTAKE))
            .requestMatchers(path(POST, "/api/complaints/*/customer-response"),
                path(POST, "/api/complaints/*/reverification-request"),
                path(POST, "/api/complaints/*/survey")).hasAuthority(authority(INTAKE))
            // regulator-referred complaints: a channel system or a coordinator imports the CFPB file
            .requestMatchers(path(POST, "/api/imports/**")).hasAnyAuthority(authorities(INTAKE, COORDINATOR))
            // the decision clock: the coordinator asks, the supervisor may too (the head approves)
            .requestMatchers(path(POST, "/api/complaints/*/extension-requests"),
                path(POST, "/api/complaints/*/clock/pause"),
                path(POST, "/api/complaints/*/clock/resume")).hasAnyAuthority(authorities(COORDINATOR, SUPERVISOR))
            // correspondence: read by those who handle or oversee the case, resent by the coordinator
            .requestMatchers(path(POST, "/api/complaints/*/letters/*/retry")).hasAuthority(authority(COORDINATOR))
            .requestMatchers(path(GET, "/api/complaints/*/letters"), path(GET, "/api/complaints/*/letters/**"))
                .hasAnyAuthority(authorities(CASE_READERS))
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
        .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterAfter(new CrossSiteWriteFilter(problems), BasicAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
      @Value("${disputeflow.security.max-import-size}") DataSize maxImport) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBody, maxImport, problems));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-authentication");
    // before the filters that act on the authenticated user (the deployment submission: LOWEST_PRECEDENCE)
    registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1);
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
