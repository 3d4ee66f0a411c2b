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

import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which group may call which part of our API, actuator and pages: the table of docs/security.md
 * ("API rules"), first match wins, anything unlisted is refused. {@link SecurityConfiguration} applies it
 * after the authentication it sets up.
 */
final class ApiAccessRules {

  /** Customers' contact data and the case file: the groups that handle or oversee cases. */
  private static final String[] CASE_READERS = {COORDINATOR, SUPERVISOR, HEAD, AUDITOR};
  private static final String[] OVERSIGHT = {SUPERVISOR, HEAD, AUDITOR};
  /** One complaint: also its channel (status, awaited actions), and the departments and legal counsel. */
  private static final String[] COMPLAINT_READERS = Stream.of(Stream.of(CASE_READERS), Stream.of(INTAKE, LEGAL),
      Groups.DEPARTMENTS.stream()).flatMap(s -> s).toArray(String[]::new);

  /** A case's documents: those who handle or oversee cases, and the departments and legal counsel. */
  private static final String[] DOCUMENT_READERS = Stream.of(Stream.of(CASE_READERS), Stream.of(LEGAL),
      Groups.DEPARTMENTS.stream()).flatMap(s -> s).toArray(String[]::new);

  private ApiAccessRules() {
  }

  /** The rules, from the open health check to the refusal of anything unlisted. */
  static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
    return auth
        // the load balancer's and the orchestrator's probe: no account, no details
        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
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
        .requestMatchers(path(HttpMethod.PUT, "/api/complaints/*/representative"))
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
        .anyRequest().denyAll();
  }

  static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static String authority(String group) {
    return Groups.authority(group);
  }

  private static String[] authorities(String... groups) {
    return Stream.of(groups).map(Groups::authority).toArray(String[]::new);
  }
}
