package io.disputeflow.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing that happened to a case, before it is numbered and hashed. Details hold strings,
 * instants (shown in the bank's zone, hashed as UTC) and nested maps; keys are kept sorted.
 */
final class Event {

  static final Comparator<Event> ORDER = Comparator.comparing((Event e) -> e.time)
      .thenComparing(e -> e.path)
      .thenComparing(e -> e.type)
      .thenComparing(e -> e.source);

  final Instant time;
  final TreePath path;
  final EntryType type;
  /** Identifies the history row(s) behind the event; the last tie-break, so order never depends on a query. */
  final String source;
  String actor;
  String processKey;
  Integer processVersion;
  String processInstanceId;
  String elementId;
  String elementName;
  final Map<String, Object> details = new TreeMap<>();

  Event(Instant time, TreePath path, EntryType type, String source) {
    this.time = time;
    this.path = path;
    this.type = type;
    this.source = source;
  }

  Event in(ProcessRef process) {
    if (process != null) {
      processKey = process.key();
      processVersion = process.version();
      processInstanceId = process.instanceId();
    }
    return this;
  }

  Event element(String id, String name) {
    elementId = id;
    elementName = name;
    return this;
  }

  Event actor(String user) {
    actor = user;
    return this;
  }

  /** Adds a detail; a null value is kept only when it says something (see {@link #putNull}). */
  Event put(String key, Object value) {
    if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
      details.put(key, value);
    }
    return this;
  }

  Event putNull(String key, Object value) {
    details.put(key, value);
    return this;
  }

  record ProcessRef(String key, Integer version, String instanceId) {}
}
