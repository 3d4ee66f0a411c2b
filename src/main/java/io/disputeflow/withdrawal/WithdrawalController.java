package io.disputeflow.withdrawal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customer's withdrawal of a complaint, passed on by a channel system or a coordinator. */
@RestController
class WithdrawalController {

  private final Withdrawals withdrawals;

  WithdrawalController(Withdrawals withdrawals) {
    this.withdrawals = withdrawals;
  }

  record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {}

  @PostMapping("/api/complaints/{number}/withdrawal")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void withdraw(@PathVariable String number, @Valid @RequestBody WithdrawalRequest body) {
    withdrawals.withdraw(number, body.reason());
  }
}
