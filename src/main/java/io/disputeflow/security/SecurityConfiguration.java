package io.disputeflow.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Our API, actuator and report page: HTTP Basic against the Camunda users (only health is open). The engine
 * REST API: Camunda's own Basic authentication filter, so Modeler deployments name their user.
 * The webapps under /camunda keep Camunda's own login.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/reports/**", "/reports", "/webjars/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // figures and early warnings are for those who oversee the office; the regulator feed is a channel
            .requestMatchers("/api/reports/**", "/reports/**", "/reports").hasAnyAuthority("GROUP_supervisor",
                "GROUP_head-of-consumer-protection", "GROUP_auditor", "GROUP_process-owner")
            .requestMatchers("/api/imports/**").hasAnyAuthority("GROUP_intake", "GROUP_coordinator")
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless Basic authentication: no browser session, so no cross-site request to forge
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-authentication");
    return registration;
  }
}
