package io.disputeflow.evidence;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case's documents as the task forms show them ({@link #DOCUMENTS_TEXT}): a Markdown list of
 * links to the downloads Tasklist's own login opens ({@link TasklistEvidenceController}), and a
 * link to the case's documents page, where coordinators add documents. Tasks get the list when
 * created (tasklist/DescribeTaskListener); an upload refreshes it on the case's open tasks
 * ({@link OpenTaskLinks}). Needs no engine service, so the engine's own listeners may use it.
 */
@Component
public class DocumentLinks {

  /** The task-local display variable every case's task form shows. */
  public static final String DOCUMENTS_TEXT = "documentsText";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final EvidenceRepository repository;
  private final String webappPath;

  DocumentLinks(EvidenceRepository repository,
      @Value("${server.servlet.context-path:}${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.repository = repository;
    this.webappPath = webappPath;
  }

  /** The links for a task of this case, as of now. */
  public String linksFor(String complaintNumber) {
    return markdown(complaintNumber, repository.list(complaintNumber));
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
          .append(escape(document.uploadedBy())).append(", ").append(TIME.format(document.uploadedAt())).append('\n');
    }
    text.append("\n[Open or add documents / 查看或添加证据材料](").append(pagePath(complaintNumber)).append(")");
    return text.toString();
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
