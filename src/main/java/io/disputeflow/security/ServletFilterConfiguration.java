package io.disputeflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The servlet filters outside our security filter chain ({@link SecurityConfiguration}): the body-size
 * limit in front of everything, and Camunda's own HTTP Basic authentication of {@code /engine-rest}.
 */
@Configuration
class ServletFilterConfiguration {

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
}
