package io.disputeflow.correspondence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(LetterDeliveryProperties.class)
class CorrespondenceConfiguration {}
