package io.disputeflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of a whole case's history at once where the engine's query API reads one process instance or
 * one task at a time: a case has about ten instances and twenty tasks, and reading them one by one
 * made a timeline about 80 queries. Every read goes by an index the engine creates; the engine's tables
 * are named as they are created, without a prefix, as everywhere in DisputeFlow.
 */
@Component
class CaseHistoryReads {

  /** Rows of one kind the timeline reads per process instance, where most instances have none. */
  enum PerInstance { OPERATIONS, DECISIONS, JOB_FAILURES, INCIDENTS }

  /** One entry of the identity-link history of a task. */
  record TaskLink(String taskId, String type, String operationType, String groupId, Instant time) {}

  private final HistoryService history;
  private final JdbcClient jdbc;

  CaseHistoryReads(HistoryService history, JdbcClient jdbc) {
    this.history = history;
    this.jdbc = jdbc;
  }

  /** The activity instances of every process instance under the root, by ROOT_PROC_INST_ID_. */
  List<HistoricActivityInstance> activities(String rootProcessInstanceId) {
    return history.createNativeHistoricActivityInstanceQuery()
        .sql("SELECT * FROM ACT_HI_ACTINST WHERE ROOT_PROC_INST_ID_ = #{root}")
        .parameter("root", rootProcessInstanceId)
        .list();
  }

  /** Which of the given process instances have rows of each kind (job failures: a failed attempt). */
  Map<PerInstance, Set<String>> instancesWithRows(Collection<String> processInstanceIds) {
    Map<PerInstance, Set<String>> found = new HashMap<>();
    for (PerInstance kind : PerInstance.values()) {
      found.put(kind, new HashSet<>());
    }
    if (processInstanceIds.isEmpty()) {
      return found;
    }
    jdbc.sql("SELECT 'OPERATIONS' AS kind, PROC_INST_ID_ AS id FROM ACT_HI_OP_LOG WHERE PROC_INST_ID_ IN (:ids)"
            + " UNION SELECT 'DECISIONS', PROC_INST_ID_ FROM ACT_HI_DECINST WHERE PROC_INST_ID_ IN (:ids)"
            + " UNION SELECT 'JOB_FAILURES', PROCESS_INSTANCE_ID_ FROM ACT_HI_JOB_LOG"
            + " WHERE PROCESS_INSTANCE_ID_ IN (:ids) AND JOB_STATE_ = 1"
            + " UNION SELECT 'INCIDENTS', PROC_INST_ID_ FROM ACT_HI_INCIDENT WHERE PROC_INST_ID_ IN (:ids)")
        .param("ids", processInstanceIds)
        .query(rs -> {
          found.get(PerInstance.valueOf(rs.getString("kind"))).add(rs.getString("id"));
        });
    return found;
  }

  /** The identity-link history of the given tasks, task by task. */
  Map<String, List<TaskLink>> taskLinks(Collection<String> taskIds) {
    Map<String, List<TaskLink>> links = new HashMap<>();
    if (taskIds.isEmpty()) {
      return links;
    }
    jdbc.sql("SELECT TASK_ID_, TYPE_, OPERATION_TYPE_, GROUP_ID_, TIMESTAMP_ FROM ACT_HI_IDENTITYLINK"
            + " WHERE TASK_ID_ IN (:ids)")
        .param("ids", taskIds)
        .query((rs, row) -> new TaskLink(rs.getString("TASK_ID_"), rs.getString("TYPE_"),
            rs.getString("OPERATION_TYPE_"), rs.getString("GROUP_ID_"), rs.getTimestamp("TIMESTAMP_").toInstant()))
        .list()
        .forEach(link -> links.computeIfAbsent(link.taskId(), k -> new ArrayList<>()).add(link));
    return links;
  }
}
