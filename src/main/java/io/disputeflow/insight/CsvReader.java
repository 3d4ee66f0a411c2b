package io.disputeflow.insight;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180) one at a time: fields in double quotes may hold commas, line breaks
 * and doubled quotes; lines end in CRLF or LF; a leading byte-order mark is skipped. Streams, so a
 * large export is never held in memory whole.
 */
final class CsvReader {

  /** One record and the line of the file it starts on (the header is line 1). */
  record Row(long line, List<String> fields) {}

  /** The input is not CSV, e.g. a quote is never closed; {@code line} is where the bad record starts. */
  static final class MalformedCsvException extends RuntimeException {
    final long line;

    MalformedCsvException(long line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }
  }

  private final Reader in;
  private long line = 1;
  private int pending = -2;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end of the input. Blank lines are skipped. */
  Row next() {
    int c = read();
    if (c == 0xFEFF && line == 1) {
      c = read();
    }
    while (c == '\r' || c == '\n') {
      consumeLineEnd(c);
      c = read();
    }
    if (c == -1) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new MalformedCsvException(start, "a quoted field is not closed");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        fields.add(field.toString());
        if (c != -1) {
          consumeLineEnd(c);
        }
        return new Row(start, fields);
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private void consumeLineEnd(int c) {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() {
    if (pending == -2) {
      pending = readRaw();
    }
    return pending;
  }

  private int read() {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    return readRaw();
  }

  private int readRaw() {
    try {
      return in.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
