package io.disputeflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DisputeFlowApplication {

  public static void main(String[] args) {
    SpringApplication.run(DisputeFlowApplication.class, args);
  }
}
