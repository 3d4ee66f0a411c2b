package io.disputeflow.security;

import java.util.Set;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured logs (ECS, Logstash) with personal data masked as in plain-text logs: the message and an
 * exception's message and stack trace, which may quote a customer's input. Named by
 * logging.structured.json.customizer.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

  /** ECS and Logstash paths of the free text a log line carries. */
  private static final Set<String> FREE_TEXT = Set.of("message", "error.message", "error.stack_trace", "stack_trace");

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalData::mask)
        .whenHasPath(path -> FREE_TEXT.contains(path.toString())));
  }
}
