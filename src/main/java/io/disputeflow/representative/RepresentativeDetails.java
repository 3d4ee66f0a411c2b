package io.disputeflow.representative;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.disputeflow.complaint.Representative;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A representative as intake ({@code representative} of POST /api/complaints, the walk-in registration
 * form) and PUT /api/complaints/{number}/representative take it. Letters go to the representative too,
 * so an e-mail address or a postal address is required.
 */
public record RepresentativeDetails(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Pattern(regexp = Representative.RELATION_PATTERN, message = Representative.RELATION_MESSAGE)
    String relation,
    @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,24}", message = "must be a phone number of digits, spaces, ( ) and -")
    String phone,
    @Email @Size(max = 254) String email,
    @Size(max = 500) String address,
    /** An evidence document of the case (the power of attorney, a guardianship order); may follow later. */
    @Positive Long authorityDocumentId) {

  /** Letters reach the representative by e-mail or by post: one of the two must be given. */
  @JsonIgnore
  @AssertTrue(message = "an e-mail address or a postal address is required: letters go to the representative too")
  public boolean isEmailOrAddress() {
    return blankToNull(email) != null || blankToNull(address) != null;
  }

  /** Trimmed, blanks as absent, with who records it and when. */
  Representative toRecord(String recordedBy, java.time.OffsetDateTime at) {
    return new Representative(name.trim(), relation, blankToNull(phone), blankToNull(email), blankToNull(address),
        authorityDocumentId, recordedBy, at);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
