package io.disputeflow.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Who made the complaint on the customer's behalf (a relative of an elderly customer, a lawyer, an
 * authorised agent), their relation to the customer, how to reach them, and the evidence document that
 * shows their authority (null until it is uploaded and recorded); who recorded it and when.
 */
public record Representative(String name, String relation, String phone, String email, String address,
    Long authorityDocumentId, String recordedBy, OffsetDateTime recordedAt) {

  /** The relations a representative may have to the customer. */
  public static final List<String> RELATIONS = List.of("RELATIVE", "LAWYER", "AUTHORISED_AGENT", "GUARDIAN", "OTHER");
  /** The same as a bean-validation pattern. */
  public static final String RELATION_PATTERN = "RELATIVE|LAWYER|AUTHORISED_AGENT|GUARDIAN|OTHER";
  public static final String RELATION_MESSAGE = "must be one of RELATIVE, LAWYER, AUTHORISED_AGENT, GUARDIAN, OTHER";

  /** Whether a letter copy reaches them: by e-mail, or on paper at their address. */
  public boolean reachable() {
    return email != null || address != null;
  }
}
