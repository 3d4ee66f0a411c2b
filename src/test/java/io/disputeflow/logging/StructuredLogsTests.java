package io.disputeflow.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Our logging setup (logback-spring.xml and application.yaml) as a node starts it: plain text by
 * default, one JSON object a line with logging.structured.format.console, personal data masked either
 * way, and a case's lines carrying its complaint number and the acting user.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

  private static final Logger LOG = LoggerFactory.getLogger(StructuredLogsTests.class);
  private static final List<String> BOOT_PROPERTIES = List.of("CONSOLE_LOG_STRUCTURED_FORMAT",
      "FILE_LOG_STRUCTURED_FORMAT");

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void backToPlainText() throws Exception {
    start(null);
  }

  @Test
  void shouldWriteEcsJsonLinesWithTheCaseTheUserAndPersonalDataMasked(CapturedOutput output) throws Exception {
    start("ecs");

    JsonNode line = lastJsonLine(logACase(output), "Customer");

    assertThat(line.get("message").asText())
        .isEqualTo("Customer 138****5678 wrote from z***@example.com about card ************1234")
        .doesNotContain("13812345678", "zhang.san", "4000123412341234");
    assertThat(line.get("complaintNumber").asText()).isEqualTo("CMP-2026-000042");
    assertThat(line.get("user").asText()).isEqualTo("cora");
    assertThat(line.at("/log/level").asText()).isEqualTo("WARN");
    assertThat(line.at("/error/message").asText()).contains("************9876").doesNotContain("6222020012349876");
    assertThat(line.at("/error/stack_trace").asText()).contains("************9876").doesNotContain("6222020012349876");
  }

  @Test
  void shouldWriteLogstashJsonLinesToo(CapturedOutput output) throws Exception {
    start("logstash");

    JsonNode line = lastJsonLine(logACase(output), "Customer");

    assertThat(line.get("message").asText()).contains("138****5678").doesNotContain("13812345678");
    assertThat(line.get("complaintNumber").asText()).isEqualTo("CMP-2026-000042");
    assertThat(line.get("user").asText()).isEqualTo("cora");
    assertThat(line.get("stack_trace").asText()).contains("************9876").doesNotContain("6222020012349876");
  }

  @Test
  void shouldStayPlainTextAndMaskedByDefaultAndClearTheCaseAfterIt(CapturedOutput output) throws Exception {
    start(null);

    String written = logACase(output);
    LOG.info("Outside any case");

    String caseLine = written.lines().filter(l -> l.contains("Customer")).reduce((a, b) -> b).orElseThrow();
    assertThat(caseLine).doesNotStartWith("{").contains("Customer 138****5678 wrote from z***@example.com")
        .doesNotContain("13812345678");
    assertThat(org.slf4j.MDC.get(CaseLogContext.COMPLAINT)).isNull();
    assertThat(org.slf4j.MDC.get(CaseLogContext.USER)).isNull();
  }

  /** A line written while a user handles a case; returns what the console showed up to then. */
  private static String logACase(CapturedOutput output) {
    try (var user = CaseLogContext.actingUser("cora"); var complaint = CaseLogContext.complaint("CMP-2026-000042")) {
      LOG.warn("Customer 13812345678 wrote from zhang.san@example.com about card 4000123412341234",
          new IllegalStateException("account 6222020012349876 is closed"));
    }
    return output.getOut();
  }

  private JsonNode lastJsonLine(String written, String containing) throws Exception {
    List<String> lines = written.lines().filter(l -> l.contains(containing)).toList();
    assertThat(lines).isNotEmpty();
    String last = lines.get(lines.size() - 1);
    assertThat(last).startsWith("{").endsWith("}");
    return json.readTree(last);
  }

  /** Starts logging as a node with this console format (null: none) and our application.yaml does. */
  private static void start(String consoleFormat) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    if (consoleFormat != null) {
      environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
          java.util.Map.of("logging.structured.format.console", consoleFormat)));
    }
    BOOT_PROPERTIES.forEach(System::clearProperty);
    LoggingSystem logging = LoggingSystem.get(StructuredLogsTests.class.getClassLoader());
    logging.cleanUp();
    logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
  }
}
