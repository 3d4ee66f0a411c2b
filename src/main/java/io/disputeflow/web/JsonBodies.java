package io.disputeflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** Request bodies read to their end, so a refusal names every field at fault ({@link EveryFieldFaultConverter}). */
@Configuration(proxyBeanMethods = false)
class JsonBodies {

  @Bean
  MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper,
      Validator validator) {
    return new EveryFieldFaultConverter(objectMapper, validator);
  }
}
