package io.disputeflow.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * A logback condition (logback-spring.xml): whether a property has a value. Spring Boot's defaults define
 * CONSOLE_LOG_STRUCTURED_FORMAT always, empty unless logging.structured.format.console is set, so
 * logback's own isDefined cannot tell plain text from JSON.
 */
public class PropertyNotEmptyCondition extends PropertyConditionBase {

  private String key;

  public void setKey(String key) {
    this.key = key;
  }

  @Override
  public void start() {
    if (key == null) {
      addError("a PropertyNotEmptyCondition needs its <key>");
      return;
    }
    super.start();
  }

  @Override
  public boolean evaluate() {
    String value = property(key);
    return value != null && !value.isBlank();
  }
}
