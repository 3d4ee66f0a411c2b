package io.disputeflow.reopening;

import io.disputeflow.complaint.Reopening;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A coordinator or supervisor reopens a closed case. */
@RestController
class ReopeningController {

  private final Reopenings reopenings;

  ReopeningController(Reopenings reopenings) {
    this.reopenings = reopenings;
  }

  /** The ground as text, so that one answer names every field at fault (a JSON reader stops at the first). */
  record ReopeningRequest(@NotBlank @Size(max = Reopenings.MAX_REASON) String reason,
      @NotBlank @Pattern(regexp = "NEW_FACTS|LATE_CONTEST|EXTERNAL_FINDING",
          message = "must be one of [NEW_FACTS, LATE_CONTEST, EXTERNAL_FINDING]") String ground) {}

  @PostMapping("/api/complaints/{number}/reopening")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void reopen(@PathVariable String number, @Valid @RequestBody ReopeningRequest body, Authentication caller) {
    reopenings.reopen(number, Reopening.Ground.valueOf(body.ground()), body.reason(), caller.getName());
  }
}
