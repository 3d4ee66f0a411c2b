package io.disputeflow.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** The rows of one user operation: one per changed property, sharing operation id and type. */
final class OperationGroup {

  final UserOperationLogEntry first;
  final String type;
  private final List<UserOperationLogEntry> entries = new ArrayList<>();

  OperationGroup(UserOperationLogEntry first) {
    this.first = first;
    this.type = first.getOperationType();
  }

  void add(UserOperationLogEntry entry) {
    entries.add(entry);
  }

  String key() {
    return first.getOperationId() + "|" + first.getEntityType() + "|" + type;
  }

  String property(String name) {
    return entries.stream().filter(e -> name.equals(e.getProperty())).map(UserOperationLogEntry::getNewValue)
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  Map<String, Object> changes() {
    Map<String, Object> changes = new TreeMap<>();
    entries.stream().filter(e -> e.getProperty() != null).forEach(e -> changes.put(e.getProperty(), e.getNewValue()));
    return changes;
  }

  Map<String, Object> previousValues() {
    Map<String, Object> previous = new TreeMap<>();
    entries.stream().filter(e -> e.getProperty() != null && e.getOrgValue() != null)
        .forEach(e -> previous.put(e.getProperty(), e.getOrgValue()));
    return previous;
  }
}
