package io.disputeflow.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * The user operation log of a case as operations (one per operation id, entity and type, in the order
 * they happened), and what other events need of them: who completed a task, which correlation brought a
 * customer's message, who started a process instance.
 */
final class UserOperations {

  static final String COMPLETE = UserOperationLogEntry.OPERATION_TYPE_COMPLETE;
  static final String CORRELATE = UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE;

  private final Map<String, OperationGroup> groups = new LinkedHashMap<>();
  /** Task id → its Complete operation. */
  private final Map<String, OperationGroup> completions = new HashMap<>();
  private final Map<String, OperationGroup> correlations = new HashMap<>();
  private final Map<String, String> processCreators = new HashMap<>();

  UserOperations(List<UserOperationLogEntry> entries) {
    for (UserOperationLogEntry entry : entries) {
      String key = entry.getOperationId() + "|" + entry.getEntityType() + "|" + entry.getOperationType();
      groups.computeIfAbsent(key, k -> new OperationGroup(entry)).add(entry);
    }
    for (OperationGroup operation : groups.values()) {
      if (COMPLETE.equals(operation.type) && operation.first.getTaskId() != null) {
        completions.put(operation.first.getTaskId(), operation);
      } else if (CORRELATE.equals(operation.type)) {
        correlations.put(operation.first.getOperationId(), operation);
      } else if (isProcessStart(operation)) {
        processCreators.putIfAbsent(operation.first.getProcessInstanceId(), operation.first.getUserId());
      }
    }
  }

  /** Every operation in the order it happened. */
  Collection<OperationGroup> all() {
    return groups.values();
  }

  /** The operation that completed a task, null when none was logged (no authenticated user). */
  OperationGroup completionOf(String taskId) {
    return completions.get(taskId);
  }

  /** Message correlations by operation id. */
  Map<String, OperationGroup> correlations() {
    return correlations;
  }

  /** Who started a process instance, as logged; otherwise the engine's start user. */
  String creatorOr(String processInstanceId, String startUserId) {
    return processCreators.getOrDefault(processInstanceId, startUserId);
  }

  /** The first operation logged under an operation id, of any entity or type; null when none. */
  OperationGroup first(String operationId) {
    return groups.values().stream().filter(o -> o.first.getOperationId().equals(operationId)).findFirst()
        .orElse(null);
  }

  /** The first operation under an operation id that is an event of its own; null when none. */
  OperationGroup standalone(String operationId) {
    return groups.values().stream().filter(o -> o.first.getOperationId().equals(operationId) && isStandalone(o))
        .findFirst().orElse(null);
  }

  /** Whether an operation is an event of its own rather than part of a process start, completion or message. */
  static boolean isStandalone(OperationGroup operation) {
    return !COMPLETE.equals(operation.type) && !CORRELATE.equals(operation.type) && !isProcessStart(operation);
  }

  private static boolean isProcessStart(OperationGroup operation) {
    return UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation.type)
        && EntityTypes.PROCESS_INSTANCE.equals(operation.first.getEntityType());
  }
}
