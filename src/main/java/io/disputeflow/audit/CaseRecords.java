package io.disputeflow.audit;

import io.disputeflow.complaint.ExternalReferral;
import io.disputeflow.complaint.Reopening;
import io.disputeflow.correspondence.Letter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What our own tables hold about a case besides the complaint record, and the timeline entries of
 * those that need no engine history to place them: merged submissions and the regulatory clock.
 * Letters belong to the step that queued them, which only the assembler knows.
 */
record CaseRecords(List<Letter> letters, List<MergedSubmission> submissions, List<Extension> extensions,
    List<Pause> pauses, List<Alert> alerts, List<Document> documents, List<Download> downloads,
    List<Withdrawal> withdrawals, List<Representative> representatives, List<ExternalReferral> referrals,
    List<Reopening> reopenings) {

  /** {@code newFacts} null: joined before intake asked; with new facts the period restarted (deadline before, after). */
  record MergedSubmission(long id, String channel, String externalReference, Instant receivedAt, String narrative,
      Boolean newFacts, Instant previousDueAt, Instant restartedDueAt) {}

  record Extension(long id, int step, String reason, String requestedBy, Instant requestedAt, String outcome,
      String decidedBy, Instant decidedAt, String comment, Instant previousDueAt, Instant newDueAt) {}

  record Pause(long id, String reason, String pausedBy, Instant pausedAt, String resumedBy, Instant resumedAt,
      Long pausedSeconds) {}

  record Alert(long id, String alert, String recipients, Instant dueAt, Instant raisedAt) {}

  record Document(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
      Instant uploadedAt) {}

  record Withdrawal(long id, String reason, String withdrawnBy, Instant withdrawnAt, String stage, String endedTasks) {}

  /** {@code contact}: which of phone, e-mail and address were given (their values stay in the complaint record). */
  record Representative(long id, String name, String relation, String contact, Long authorityDocumentId,
      String recordedBy, Instant recordedAt) {}

  record Download(long id, long documentId, String fileName, String downloadedBy, String via, Instant downloadedAt) {}

  /** The submissions', the clock's and the evidence documents' entries. */
  List<Event> events() {
    List<Event> events = new ArrayList<>();
    submissions(events);
    clock(events);
    documents(events);
    withdrawals(events);
    representatives(events);
    referrals(events);
    reopenings(events);
    return events;
  }

  /** Each recording or change of who acts for the customer. */
  private void representatives(List<Event> events) {
    for (Representative representative : representatives) {
      add(events, representative.recordedAt(), TreePath.of(Long.MAX_VALUE, 9, representative.id()),
          EntryType.REPRESENTATIVE_RECORDED, "representative:" + representative.id())
          .actor(representative.recordedBy())
          .put("name", representative.name())
          .put("relation", representative.relation())
          .put("contact", representative.contact())
          .put("authorityDocumentId", representative.authorityDocumentId() == null ? null
              : representative.authorityDocumentId().toString());
    }
  }

  /**
   * Each withdrawal by the customer, with the tasks it ended: their own entries (TASK_CANCELLED) carry only
   * the engine's word for it, so this one says why they ended.
   */
  private void withdrawals(List<Event> events) {
    for (Withdrawal withdrawal : withdrawals) {
      add(events, withdrawal.withdrawnAt(), TreePath.of(Long.MAX_VALUE, 6, withdrawal.id()),
          EntryType.COMPLAINT_WITHDRAWN, "withdrawal:" + withdrawal.id())
          .actor(withdrawal.withdrawnBy())
          .put("reason", withdrawal.reason())
          .put("stage", withdrawal.stage())
          .put("endedTasks", withdrawal.endedTasks());
    }
  }

  /** Each referral to an outside body: registered, its case file sent, its outcome (each when it happened). */
  private void referrals(List<Event> events) {
    for (ExternalReferral referral : referrals) {
      add(events, referral.registeredAt().toInstant(), TreePath.of(Long.MAX_VALUE, 7, referral.id(), 0),
          EntryType.REFERRAL_REGISTERED, "referral:" + referral.id())
          .actor(referral.registeredBy())
          .put("referralId", Long.toString(referral.id()))
          .put("body", referral.body().name())
          .put("organisation", referral.organisation())
          .put("reference", referral.reference())
          .put("referredAt", referral.referredAt().toInstant())
          .put("responseDueAt", referral.responseDueAt() == null ? null : referral.responseDueAt().toInstant())
          .put("caseFileDueAt", referral.caseFileDueAt().toInstant());
      if (referral.caseFileSentAt() != null) {
        add(events, referral.caseFileSentAt().toInstant(), TreePath.of(Long.MAX_VALUE, 7, referral.id(), 1),
            EntryType.CASE_FILE_SENT, "referral:" + referral.id() + ":case-file")
            .actor(referral.caseFileSentBy())
            .put("referralId", Long.toString(referral.id()))
            .put("notes", referral.caseFileNotes())
            .put("onTime", Boolean.toString(!referral.caseFileSentAt().isAfter(referral.caseFileDueAt())));
      }
      if (referral.outcomeAt() != null) {
        add(events, referral.outcomeAt().toInstant(), TreePath.of(Long.MAX_VALUE, 7, referral.id(), 2),
            EntryType.REFERRAL_OUTCOME, "referral:" + referral.id() + ":outcome")
            .actor(referral.outcomeBy())
            .put("referralId", Long.toString(referral.id()))
            .put("outcome", referral.outcome().name())
            .put("notes", referral.outcomeNotes())
            .put("furtherRedress", Values.of(referral.furtherRedressAmount()))
            .put("furtherRedressCurrency", referral.furtherRedressCurrency());
      }
    }
  }

  /** Each reopening of the closed case: the first life's end is kept in the entry, the next life follows it. */
  private void reopenings(List<Event> events) {
    for (Reopening reopening : reopenings) {
      // before the next life's own entries of the same millisecond (one transaction starts it)
      add(events, reopening.reopenedAt().toInstant(), TreePath.of(-1, 8, reopening.id()),
          EntryType.COMPLAINT_REOPENED, "reopening:" + reopening.id())
          .actor(reopening.reopenedBy())
          .put("ground", reopening.ground().name())
          .put("reason", reopening.reason())
          .put("previousDecision", reopening.previousDecision())
          .put("previousCompensation", Values.of(reopening.previousCompensation()))
          .put("previousDecidedAt", reopening.previousDecidedAt() == null ? null
              : reopening.previousDecidedAt().toInstant())
          .put("previousClosedAt", reopening.previousClosedAt() == null ? null
              : reopening.previousClosedAt().toInstant());
    }
  }

  /** Each document added and each opening of one (who, when, through the API or a Tasklist link). */
  private void documents(List<Event> events) {
    for (Document document : documents) {
      add(events, document.uploadedAt(), TreePath.of(Long.MAX_VALUE, 4, document.id()), EntryType.DOCUMENT_UPLOADED,
          "document:" + document.id())
          .actor(document.uploadedBy())
          .put("documentId", Long.toString(document.id()))
          .put("fileName", document.fileName())
          .put("contentType", document.contentType())
          .put("size", Long.toString(document.size()))
          .put("sha256", document.sha256());
    }
    for (Download download : downloads) {
      add(events, download.downloadedAt(), TreePath.of(Long.MAX_VALUE, 5, download.id()),
          EntryType.DOCUMENT_DOWNLOADED, "download:" + download.id())
          .actor(download.downloadedBy())
          .put("documentId", Long.toString(download.documentId()))
          .put("fileName", download.fileName())
          .put("via", download.via());
    }
  }

  private void submissions(List<Event> events) {
    for (MergedSubmission submission : submissions) {
      add(events, submission.receivedAt(), TreePath.of(Long.MAX_VALUE, -1, submission.id()),
          EntryType.SUBMISSION_MERGED, "submission:" + submission.id())
          .put("channel", submission.channel())
          .put("externalReference", submission.externalReference())
          .put("narrative", submission.narrative())
          .put("newFacts", submission.newFacts())
          .put("periodRestarted", Boolean.TRUE.equals(submission.newFacts()) ? submission.restartedDueAt() != null : null)
          .put("previousDueAt", submission.previousDueAt())
          .put("restartedDueAt", submission.restartedDueAt());
    }
  }

  /**
   * The regulatory clock's own records: extensions asked for and decided, pauses and resumptions,
   * warnings and breaches. A request and its decision are two entries: the row changes when decided.
   */
  private void clock(List<Event> events) {
    for (Extension extension : extensions) {
      add(events, extension.requestedAt(), TreePath.of(Long.MAX_VALUE, 1, extension.id(), 0),
          EntryType.EXTENSION_REQUESTED, "extension:" + extension.id())
          .actor(extension.requestedBy())
          .put("step", Integer.toString(extension.step()))
          .put("reason", extension.reason())
          .put("dueAt", extension.previousDueAt());
      if (extension.decidedAt() != null) {
        add(events, extension.decidedAt(), TreePath.of(Long.MAX_VALUE, 1, extension.id(), 1),
            EntryType.EXTENSION_DECIDED, "extension:" + extension.id() + ":decided")
            .actor(extension.decidedBy())
            .put("step", Integer.toString(extension.step()))
            .put("outcome", extension.outcome())
            .put("comment", extension.comment())
            .put("previousDueAt", extension.previousDueAt())
            .put("newDueAt", extension.newDueAt());
      }
    }
    for (Pause pause : pauses) {
      add(events, pause.pausedAt(), TreePath.of(Long.MAX_VALUE, 2, pause.id(), 0), EntryType.CLOCK_PAUSED, "pause:" + pause.id())
          .actor(pause.pausedBy())
          .put("reason", pause.reason());
      if (pause.resumedAt() != null) {
        add(events, pause.resumedAt(), TreePath.of(Long.MAX_VALUE, 2, pause.id(), 1), EntryType.CLOCK_RESUMED, "pause:" + pause.id() + ":resumed")
            .actor(pause.resumedBy())
            .put("pausedSeconds", pause.pausedSeconds() == null ? null : pause.pausedSeconds().toString());
      }
    }
    for (Alert alert : alerts) {
      add(events, alert.raisedAt(), TreePath.of(Long.MAX_VALUE, 3, alert.id()),
          EntryType.ESCALATION, "alert:" + alert.id())
          .put("alert", alert.alert())
          .put("recipients", alert.recipients())
          .put("dueAt", alert.dueAt());
    }
  }

  private static Event add(List<Event> events, Instant time, TreePath path, EntryType type, String source) {
    Event event = new Event(time, path, type, source);
    events.add(event);
    return event;
  }
}
