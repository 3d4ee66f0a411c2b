package io.disputeflow.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A financial-education action (客户教育、宣传) as GET /api/reports/education-actions shows it: what opened it
 * (the policy improvement, the action it follows up), the product and root cause it addresses, the plan
 * (audience, channel, materials, date), the delivery (when it was held, how many it reached) and, ninety
 * days after it was held, its measured effect and the assessor's verdict.
 */
record EducationAction(String businessKey, String improvementKey, String followsUp, String department,
    String rootCause, String product, String status, OffsetDateTime openedAt, String audience, String channel,
    String materials, LocalDate plannedOn, String plannedBy, LocalDate heldOn, Integer reach, String deliveryNotes,
    String deliveredBy, Effect effect, Boolean effective, String assessmentNotes, String assessedBy,
    OffsetDateTime closedAt) {

  /**
   * Complaints of the product with the root cause closed in the period from the day it was held to
   * {@code measuredAt} ({@code since}), against the same length of time before ({@code before});
   * {@code change} = since - before (negative: fewer).
   */
  record Effect(OffsetDateTime measuredAt, int complaintsBefore, int complaintsSince, int change) {}
}
