package io.disputeflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain over a timeline: {@code hash(n) = SHA-256(hash(n-1) + canonical(entry n))}
 * in lower-case hex, with the empty string before the first entry. The canonical form is compact
 * JSON with a fixed field order, sorted detail keys and times as UTC instants, so the chain does not
 * depend on the zone the timeline is shown in.
 */
final class HashChain {

  private HashChain() {}

  static String next(String previous, Event event) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous.getBytes(StandardCharsets.UTF_8));
      sha256.update(canonical(event).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static String canonical(Event event) {
    StringBuilder json = new StringBuilder("{");
    field(json, "time", event.time, true);
    field(json, "type", event.type.name(), false);
    field(json, "actor", event.actor, false);
    field(json, "processKey", event.processKey, false);
    field(json, "processVersion", event.processVersion, false);
    field(json, "processInstanceId", event.processInstanceId, false);
    field(json, "elementId", event.elementId, false);
    field(json, "elementName", event.elementName, false);
    field(json, "details", event.details, false);
    return json.append('}').toString();
  }

  private static void field(StringBuilder json, String name, Object value, boolean first) {
    if (!first) {
      json.append(',');
    }
    string(json, name);
    json.append(':');
    value(json, value);
  }

  private static void value(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Integer number) {
      json.append(number);
    } else if (value instanceof Instant instant) {
      string(json, instant.toString());
    } else if (value instanceof Map<?, ?> map) {
      json.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        field(json, entry.getKey().toString(), entry.getValue(), first);
        first = false;
      }
      json.append('}');
    } else {
      string(json, value.toString());
    }
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
