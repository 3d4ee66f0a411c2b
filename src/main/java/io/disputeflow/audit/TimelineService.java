package io.disputeflow.audit;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.time.BankTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the timeline of a case: reads its history once ({@link CaseHistoryLoader}), turns it into events
 * ({@link TimelinePipeline}), numbers them, shows their times in the bank's zone and chains their hashes.
 */
@Service
public class TimelineService {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  private final CaseHistoryLoader loader;
  private final CaseRecordReads records;
  private final ComplaintRepository complaints;
  private final ZoneId zone;

  TimelineService(CaseHistoryLoader loader, CaseRecordReads records, ComplaintRepository complaints,
      BankTime bankTime) {
    this.loader = loader;
    this.records = records;
    this.complaints = complaints;
    this.zone = bankTime.zone();
  }

  @Transactional(readOnly = true)
  public Timeline timeline(String complaintNumber) {
    ComplaintRecord complaint = complaints.find(complaintNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
    List<Event> events = TimelinePipeline.events(loader.load(complaint, records.of(complaintNumber)));
    List<TimelineEntry> entries = new ArrayList<>(events.size());
    String hash = "";
    for (Event event : events) {
      hash = HashChain.next(hash, event);
      entries.add(new TimelineEntry(entries.size(), format(event.time), event.type, event.actor, event.processKey,
          event.processVersion, event.processInstanceId, event.elementId, event.elementName, display(event.details),
          hash));
    }
    return new Timeline(complaintNumber, zone.getId(), entries.size(), entries.isEmpty() ? null : hash, entries);
  }

  Instant instantOf(TimelineEntry entry) {
    return OffsetDateTime.parse(entry.time()).toInstant();
  }

  private String format(Instant time) {
    return TIME.format(time.atZone(zone));
  }

  private Map<String, Object> display(Map<String, Object> details) {
    Map<String, Object> shown = new LinkedHashMap<>();
    details.forEach((key, value) -> shown.put(key, displayValue(value)));
    return shown;
  }

  @SuppressWarnings("unchecked")
  private Object displayValue(Object value) {
    if (value instanceof Instant instant) {
      return format(instant);
    }
    if (value instanceof Map<?, ?> map) {
      return display((Map<String, Object>) map);
    }
    return value;
  }
}
