package io.disputeflow.audit;

import io.disputeflow.audit.AuditAnchors.Anchor;
import io.disputeflow.audit.AuditAnchors.AnchoredEntry;
import io.disputeflow.audit.Verification.Difference;
import io.disputeflow.audit.Verification.Status;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors and verifies a case's hash chain. Recomputing the chain from the same tables always
 * agrees with itself, so the chain is checked against hashes kept apart from the history: when a
 * case closes, the hash of each of its timeline entries is stored in {@code audit_anchor_entry}.
 * Entries that appear later (a process that runs on after closing) are anchored on later requests
 * once they are older than {@code disputeflow.audit.anchor-settle}, so a transaction still
 * committing is never anchored half-seen. An anchor whose entries no longer recompute is never
 * extended: it stays the evidence.
 *
 * <p>The anchor lives in the same database: it shows that history rows were changed, not that
 * someone rewrote both the history and the anchor. The head hash of a closed case can be kept
 * elsewhere as well (it is the last hash of the CSV export).
 */
@Service
public class TamperEvidence {

  private final TimelineService timelines;
  private final AuditAnchors anchors;
  private final ComplaintRepository complaints;
  private final Clock clock;
  private final Duration settle;
  private final DateTimeFormatter time;

  TamperEvidence(TimelineService timelines, AuditAnchors anchors, ComplaintRepository complaints, Clock clock,
      @Value("${disputeflow.audit.anchor-settle}") Duration settle, BankTime bankTime) {
    ZoneId zone = bankTime.zone();
    this.timelines = timelines;
    this.anchors = anchors;
    this.complaints = complaints;
    this.clock = clock;
    this.settle = settle;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
  }

  /**
   * Anchors a closed case's timeline, or extends its anchor with entries that came after; answers
   * the timeline it computed for a closed case, empty for an open one.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<Timeline> anchor(String complaintNumber) {
    var complaint = complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
    if (!complaint.status().ended()) {
      return Optional.empty();
    }
    Timeline timeline = timelines.timeline(complaintNumber);
    Instant now = clock.instant();
    Optional<Anchor> anchor = anchors.find(complaintNumber);
    int anchored = anchor.map(Anchor::entryCount).orElse(0);
    if (anchor.isEmpty()) {
      anchors.create(complaintNumber, now);
    } else if (firstDifference(anchors.entries(complaintNumber), timeline.entries()) != null) {
      return Optional.of(timeline);
    }
    // a first anchor takes everything: the case has closed, its last transaction has committed
    Instant settled = anchor.isEmpty() ? Instant.MAX : now.minus(settle);
    List<AnchoredEntry> fresh = timeline.entries().stream()
        .skip(anchored)
        .takeWhile(entry -> !timelines.instantOf(entry).isAfter(settled))
        .map(entry -> new AnchoredEntry(entry.seq(), timelines.instantOf(entry), entry.type().name(), entry.hash()))
        .toList();
    if (!fresh.isEmpty()) {
      anchors.append(complaintNumber, anchored, fresh, now);
    }
    return Optional.of(timeline);
  }

  @Transactional(readOnly = true)
  public Verification verify(String complaintNumber) {
    Timeline timeline = timelines.timeline(complaintNumber);
    Optional<Anchor> anchor = anchors.find(complaintNumber);
    if (anchor.isEmpty()) {
      return new Verification(complaintNumber, Status.NOT_ANCHORED,
          "The case is open: its timeline is anchored when it closes", 0, timeline.entryCount(), null,
          timeline.headHash(), null, null);
    }
    List<AnchoredEntry> anchored = anchors.entries(complaintNumber);
    Difference difference = firstDifference(anchored, timeline.entries());
    int count = anchored.size();
    String recomputedHead = count == 0 || timeline.entries().size() < count ? null
        : timeline.entries().get(count - 1).hash();
    String anchoredAt = time.format(anchor.get().anchoredAt());
    if (difference == null) {
      return new Verification(complaintNumber, Status.VERIFIED,
          "All " + count + " anchored entries recompute to their anchored hashes"
              + (timeline.entryCount() > count ? "; " + (timeline.entryCount() - count) + " later entries are not"
              + " anchored yet" : ""),
          count, timeline.entryCount(), anchor.get().headHash(), recomputedHead, anchoredAt, null);
    }
    String message = difference.recomputed() == null
        ? "Entry " + difference.seq() + " (" + difference.anchoredType() + " at " + difference.anchoredTime()
            + ") is missing from the history"
        : "Entry " + difference.seq() + " (" + difference.anchoredType() + " at " + difference.anchoredTime()
            + ") no longer matches its anchored hash: the history was changed after the case was anchored";
    return new Verification(complaintNumber, Status.BROKEN, message, count, timeline.entryCount(),
        anchor.get().headHash(), recomputedHead, anchoredAt, difference);
  }

  private Difference firstDifference(List<AnchoredEntry> anchored, List<TimelineEntry> entries) {
    for (AnchoredEntry expected : anchored) {
      TimelineEntry actual = expected.seq() < entries.size() ? entries.get(expected.seq()) : null;
      if (actual == null || !actual.hash().equals(expected.hash())) {
        return new Difference(expected.seq(), expected.type(), time.format(expected.time()), expected.hash(),
            actual == null ? null : actual.hash(), actual);
      }
    }
    return null;
  }
}
