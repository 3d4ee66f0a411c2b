package io.disputeflow.evidence;

import io.disputeflow.complaint.CaseAccess;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * A case's evidence documents: taken in (type from the content, size and count limits, a safe
 * name, SHA-256), listed and opened by those the case is open to ({@link CaseAccess}); every
 * opening is recorded. The case's timeline reads both tables (audit/TimelineService).
 */
@Service
public class EvidenceDocuments {

  /** The two ways a document is opened, as the timeline names them. */
  static final String VIA_API = "API";
  static final String VIA_TASKLIST = "TASKLIST";

  record Opened(EvidenceDocument document, byte[] content) {}

  private final EvidenceRepository repository;
  private final ComplaintRepository complaints;
  private final OpenTaskLinks openTasks;
  private final Clock clock;
  private final long maxFileSize;
  private final int maxDocuments;

  EvidenceDocuments(EvidenceRepository repository, ComplaintRepository complaints, OpenTaskLinks openTasks,
      Clock clock, @Value("${disputeflow.evidence.max-file-size}") DataSize maxFileSize,
      @Value("${disputeflow.evidence.max-documents-per-case}") int maxDocuments) {
    this.repository = repository;
    this.complaints = complaints;
    this.openTasks = openTasks;
    this.clock = clock;
    this.maxFileSize = maxFileSize.toBytes();
    this.maxDocuments = maxDocuments;
  }

  long maxFileSize() {
    return maxFileSize;
  }

  int maxDocuments() {
    return maxDocuments;
  }

  /** Stores a document; the size is checked before the bytes are read ({@code declaredSize}). */
  @Transactional
  public EvidenceDocument upload(String complaintNumber, String originalName, long declaredSize,
      ContentSource content, String uploadedBy) {
    complaint(complaintNumber);
    if (declaredSize > maxFileSize) {
      throw new EvidenceRefusedException.TooLarge(declaredSize, maxFileSize);
    }
    byte[] bytes = content.read();
    if (bytes.length > maxFileSize) {
      throw new EvidenceRefusedException.TooLarge(bytes.length, maxFileSize);
    }
    if (bytes.length == 0) {
      throw new EvidenceRefusedException.Empty();
    }
    EvidenceType type = EvidenceType.of(bytes).orElseThrow(EvidenceRefusedException.UnsupportedType::new);
    if (repository.count(complaintNumber) >= maxDocuments) {
      throw new EvidenceRefusedException.TooMany(complaintNumber, maxDocuments);
    }
    String fileName = FileNames.sanitize(originalName, type);
    long id = repository.insert(complaintNumber, fileName, type, bytes, sha256(bytes), uploadedBy, clock.instant());
    openTasks.refresh(complaintNumber);
    return repository.find(complaintNumber, id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<EvidenceDocument> list(String complaintNumber, Set<String> groups) {
    checkReadable(complaint(complaintNumber), groups);
    return repository.list(complaintNumber);
  }

  /** The document with its bytes, checked against their SHA-256; the opening is recorded for the timeline. */
  @Transactional
  Opened open(String complaintNumber, long id, String user, Set<String> groups, String via) {
    checkReadable(complaint(complaintNumber), groups);
    EvidenceDocument document = repository.find(complaintNumber, id)
        .orElseThrow(() -> new EvidenceNotFoundException(complaintNumber, id));
    byte[] content = repository.content(id);
    if (!sha256(content).equals(document.sha256())) {
      // the stored bytes are not those uploaded: never hand them out as the evidence
      throw new EvidenceDamagedException(complaintNumber, id);
    }
    repository.recordDownload(complaintNumber, id, user, via, clock.instant());
    return new Opened(document, content);
  }

  private ComplaintRecord complaint(String complaintNumber) {
    return complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
  }

  private static void checkReadable(ComplaintRecord complaint, Set<String> groups) {
    if (!CaseAccess.mayReadDocuments(complaint, groups)) {
      throw new AccessDeniedException("The documents of " + complaint.complaintNumber()
          + " are open to a department only while it reviews the case, and to legal counsel only when consulted");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The uploaded bytes, read only once the declared size has passed. */
  @FunctionalInterface
  public interface ContentSource {
    byte[] read();
  }
}
