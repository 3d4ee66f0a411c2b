package io.disputeflow.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Log messages with personal data masked (PersonalData): whatever a class logs, a customer's phone,
 * e-mail, ID, card or account number never reaches the log file whole. Registered for %m, %msg and
 * %message in logback-spring.xml.
 */
public class MaskingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.mask(super.convert(event));
  }
}
