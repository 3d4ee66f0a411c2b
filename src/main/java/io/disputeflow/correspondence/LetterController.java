package io.disputeflow.correspondence;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A complaint's letters: the text of one (to read, or to print and post), and retrying a FAILED one. */
@RestController
@RequestMapping("/api/complaints/{number}/letters")
class LetterController {

  private final LetterService letters;
  private final LetterDeliveryActions deliveryActions;
  private final java.time.Clock clock;

  LetterController(LetterService letters, LetterDeliveryActions deliveryActions, java.time.Clock clock) {
    this.letters = letters;
    this.deliveryActions = deliveryActions;
    this.clock = clock;
  }

  @GetMapping("/{id}")
  LetterCopy get(@PathVariable String number, @PathVariable long id) {
    return letters.copyOf(number, id);
  }

  record Delivery(java.time.OffsetDateTime deliveredAt) {}

  /**
   * 200: a printed letter's delivery, e.g. from the postal service's record; its time (default now)
   * starts the customer's contest window. 409 for a letter that is not printed.
   */
  @PostMapping("/{id}/delivery")
  Letter delivery(@PathVariable String number, @PathVariable long id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) Delivery body,
      java.security.Principal principal) {
    java.time.OffsetDateTime at = body == null || body.deliveredAt() == null ? java.time.OffsetDateTime.now(clock)
        : body.deliveredAt();
    return deliveryActions.recordDelivery(number, id, at, principal == null ? null : principal.getName());
  }

  /** 202: the letter is QUEUED again with a fresh set of attempts and goes out with the next dispatch. */
  @PostMapping("/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Letter retry(@PathVariable String number, @PathVariable long id) {
    return deliveryActions.retry(number, id);
  }
}
