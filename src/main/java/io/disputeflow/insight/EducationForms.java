package io.disputeflow.insight;

import io.disputeflow.engine.EngineUser;
import io.disputeflow.refusal.TaskActionRefusedException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.http.HttpStatus;

/**
 * What the financial-education forms hand over, checked as the forms check it: a completion without it
 * (e.g. through /engine-rest) is refused naming the field, and the task stays open.
 */
final class EducationForms {

  private EducationForms() {}

  static String text(String value, String field, boolean required, int maxLength) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (required) {
        throw refused(field + " is required");
      }
      return null;
    }
    if (text.length() > maxLength) {
      throw refused(field + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  /** A form's date field: yyyy-MM-dd. */
  static LocalDate date(String value, String field) {
    String text = text(value, field, true, 30);
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw refused(field + " must be a date such as 2027-03-01, not '" + text + "'");
    }
  }

  static String user(DelegateExecution execution) {
    return EngineUser.id(execution.getProcessEngineServices().getIdentityService());
  }

  static TaskActionRefusedException refused(String problem) {
    return new TaskActionRefusedException("The form's values were not accepted: " + problem, HttpStatus.BAD_REQUEST);
  }
}
