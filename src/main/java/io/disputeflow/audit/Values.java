package io.disputeflow.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/** Turns engine and record values into timeline detail values: text, an instant, or null. */
final class Values {

  /** Variables of the engine's multi-instance bookkeeping: they say nothing an auditor needs. */
  static final Set<String> BOOKKEEPING =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  private static final Set<String> OPAQUE_TYPES = Set.of("bytes", "file", "object");

  private Values() {}

  static Object of(HistoricVariableUpdate update) {
    String type = update.getTypeName();
    if (type != null && OPAQUE_TYPES.contains(type)) {
      return "[" + type + "]";
    }
    return of(update.getValue());
  }

  static Object of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }
}
