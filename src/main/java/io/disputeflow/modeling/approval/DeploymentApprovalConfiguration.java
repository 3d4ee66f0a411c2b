package io.disputeflow.modeling.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeploymentApprovalConfiguration {

  /** Right after Camunda's Basic authentication of /engine-rest, before Camunda's REST resources. */
  @Bean
  FilterRegistrationBean<DeploymentSubmissionFilter> deploymentSubmission(DeploymentApprovalSettings settings,
      IdentityService identity, AuthorizationService authorizations, DeploymentSubmissions submissions,
      ObjectMapper json) {
    FilterRegistrationBean<DeploymentSubmissionFilter> registration = new FilterRegistrationBean<>(
        new DeploymentSubmissionFilter(settings, identity, authorizations, submissions, json));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("deployment-submission");
    registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
