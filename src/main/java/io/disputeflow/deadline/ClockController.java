package io.disputeflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The decision clock's actions: extension requests, Regulation E provisional credit, pause and resume. */
@RestController
@RequestMapping("/api/complaints/{number}")
class ClockController {

  record ExtensionRequest(@NotBlank @Size(max = 2000) String reason) {}

  record PauseRequest(@NotBlank @Size(max = 2000) String reason) {}

  record ProvisionalCreditRequest(
      @NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("999999999999.99") @Digits(integer = 13, fraction = 2)
      BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
      @NotNull OffsetDateTime creditedAt) {}

  private final ClockActions actions;

  ClockController(ClockActions actions) {
    this.actions = actions;
  }

  @PostMapping("/extension-requests")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void requestExtension(@PathVariable String number, @Valid @RequestBody ExtensionRequest body) {
    actions.requestExtension(number, body.reason());
  }

  @PostMapping("/clock/provisional-credit")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void provisionalCredit(@PathVariable String number, @Valid @RequestBody ProvisionalCreditRequest body) {
    actions.recordProvisionalCredit(number, body.amount(), body.currency(), body.creditedAt());
  }

  @PostMapping("/clock/pause")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void pause(@PathVariable String number, @Valid @RequestBody PauseRequest body) {
    actions.pause(number, body.reason());
  }

  @PostMapping("/clock/resume")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resume(@PathVariable String number) {
    actions.resume(number);
  }
}
