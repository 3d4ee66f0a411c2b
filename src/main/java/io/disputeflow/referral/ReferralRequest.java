package io.disputeflow.referral;

import io.disputeflow.complaint.ExternalReferral;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A referral as the API and the Tasklist form take it in: every value as given, so that one check names every
 * field at fault (not only the first value a JSON reader could not convert). Dates are ISO date-times with
 * an offset, or a date (the start of that day in the bank's zone; a deadline: its end).
 */
@ValidReferral
record ReferralRequest(String body, String organisation, String reference, String referredAt, String responseDueAt) {

  static final int MAX_ORGANISATION = 200;
  static final int MAX_REFERENCE = 100;

  /** Each field at fault with what is wrong with it, in the order of the fields; empty when all is well. */
  Map<String, String> problems(OffsetDateTime now, ZoneId zone) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      problems.put("body", "must not be blank");
    } else if (Arrays.stream(ExternalReferral.Body.values()).noneMatch(b -> b.name().equals(body.strip()))) {
      problems.put("body", "must be one of " + Arrays.toString(ExternalReferral.Body.values()));
    }
    text(problems, "organisation", organisation, MAX_ORGANISATION);
    text(problems, "reference", reference, MAX_REFERENCE);
    OffsetDateTime referred = null;
    if (referredAt == null || referredAt.isBlank()) {
      problems.put("referredAt", "must not be blank");
    } else {
      referred = parse(referredAt, zone, false);
      if (referred == null) {
        problems.put("referredAt", "must be an ISO date-time with offset or a date, e.g. 2026-03-05T10:00:00+08:00");
      } else if (referred.isAfter(now)) {
        problems.put("referredAt", "must not be in the future");
      }
    }
    if (responseDueAt != null && !responseDueAt.isBlank()) {
      OffsetDateTime due = parse(responseDueAt, zone, true);
      if (due == null) {
        problems.put("responseDueAt", "must be an ISO date-time with offset or a date, e.g. 2026-03-20");
      } else if (referred != null && !due.isAfter(referred)) {
        problems.put("responseDueAt", "must be after referredAt");
      }
    }
    return problems;
  }

  /** The registration of a request without problems. */
  ExternalReferral.Registration registration(ZoneId zone) {
    return new ExternalReferral.Registration(ExternalReferral.Body.valueOf(body.strip()), organisation.strip(),
        reference.strip(), parse(referredAt, zone, false),
        responseDueAt == null || responseDueAt.isBlank() ? null : parse(responseDueAt, zone, true));
  }

  private static void text(Map<String, String> problems, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.put(field, "must not be blank");
    } else if (value.strip().length() > max) {
      problems.put(field, "must be at most " + max + " characters");
    }
  }

  /** A date-time with offset, or a date: its start, or for a deadline its last second, in the bank's zone. */
  static OffsetDateTime parse(String value, ZoneId zone, boolean endOfDay) {
    String text = value.strip();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException notDateTime) {
      try {
        LocalDate date = LocalDate.parse(text);
        return endOfDay ? date.plusDays(1).atStartOfDay(zone).minusSeconds(1).toOffsetDateTime()
            : date.atStartOfDay(zone).toOffsetDateTime();
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
