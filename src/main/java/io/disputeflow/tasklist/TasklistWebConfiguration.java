package io.disputeflow.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.deadline.SummaryResolutionWindow;
import io.disputeflow.time.BankTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TasklistWebConfiguration {

  /** Tasklist's own REST API and the engine REST API: both answer task actions with the engine's errors. */
  @Bean
  FilterRegistrationBean<TaskErrorMessageFilter> taskErrorMessages(HistoryService historyService,
      TaskService taskService, IdentityService identityService, ObjectMapper json,
      BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    FilterRegistrationBean<TaskErrorMessageFilter> registration = new FilterRegistrationBean<>(
        new TaskErrorMessageFilter(historyService, taskService, identityService, json, zone));
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setName("task-error-messages");
    return registration;
  }

  /** A task form read after the summary resolution window closed no longer offers it (FCA DISP 1.5). */
  @Bean
  FilterRegistrationBean<SummaryResolutionOptionFilter> summaryResolutionOption(TaskService taskService,
      SummaryResolutionWindow window) {
    FilterRegistrationBean<SummaryResolutionOptionFilter> registration = new FilterRegistrationBean<>(
        new SummaryResolutionOptionFilter(taskService, window));
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setName("summary-resolution-option");
    return registration;
  }

  /** Camunda's Cache-Control and empty-body filters for the webapps (CamundaWebappFilterMappings). */
  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> camundaWebappFilterMappings(
      CamundaBpmProperties camunda) {
    String webappPath = camunda.getWebapp().getApplicationPath();
    return factory -> factory.addInitializers(
        servletContext -> CamundaWebappFilterMappings.restore(servletContext, webappPath));
  }
}
