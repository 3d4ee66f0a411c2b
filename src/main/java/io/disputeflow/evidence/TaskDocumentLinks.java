package io.disputeflow.evidence;

import io.disputeflow.process.ComplaintVariables;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case's documents as the task forms show them: a Markdown list of links to the downloads
 * Tasklist's own login opens ({@link TasklistEvidenceController}), and a link to the case's
 * documents page, where coordinators add documents. Tasks created later get the list from
 * tasklist/DescribeTaskListener; an upload refreshes it on the case's open tasks.
 */
@Component
class TaskDocumentLinks {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService taskService;
  private final ProcessEngineConfigurationImpl engine;
  private final String webappPath;

  TaskDocumentLinks(TaskService taskService, ProcessEngineConfiguration engine,
      @Value("${server.servlet.context-path:}${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.taskService = taskService;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.webappPath = webappPath;
  }

  String pagePath(String complaintNumber) {
    return webappPath + "/evidence/" + complaintNumber;
  }

  String markdown(String complaintNumber, List<EvidenceDocument> documents) {
    StringBuilder text = new StringBuilder();
    if (documents.isEmpty()) {
      text.append("No documents yet / 暂无证据材料\n\n");
    }
    for (EvidenceDocument document : documents) {
      text.append("- [").append(escape(document.fileName())).append("](").append(pagePath(complaintNumber))
          .append("/documents/").append(document.id()).append(") · ").append(size(document.size())).append(" · ")
          .append(escape(document.uploadedBy())).append(", ").append(DAY.format(document.uploadedAt())).append('\n');
    }
    text.append("\n[Open or add documents / 查看或添加证据材料](").append(pagePath(complaintNumber)).append(")");
    return text.toString();
  }

  /** Puts the current list on every open task of the case (also those of its called stages). */
  void refresh(String complaintNumber, List<EvidenceDocument> documents) {
    String text = markdown(complaintNumber, documents);
    String name = EvidenceDocuments.DOCUMENTS_TEXT.name();
    // our API has allowed the caller the upload; the tasks' engine authorizations are not the caller's
    engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      for (Task task : taskService.createTaskQuery()
            .processVariableValueEquals(ComplaintVariables.COMPLAINT_NUMBER.name(), complaintNumber).list()) {
        if (!Objects.equals(taskService.getVariableLocal(task.getId(), name), text)) {
          taskService.setVariableLocal(task.getId(), name, text);
        }
      }
      return null;
    }));
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** Markdown's own characters in a name are shown as they are, not as formatting. */
  static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]()#+!|<>~])", "\\\\$1");
  }
}
