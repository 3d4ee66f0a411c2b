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

  LetterController(LetterService letters) {
    this.letters = letters;
  }

  @GetMapping("/{id}")
  LetterCopy get(@PathVariable String number, @PathVariable long id) {
    return letters.copyOf(number, id);
  }

  /** 202: the letter is QUEUED again with a fresh set of attempts and goes out with the next dispatch. */
  @PostMapping("/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Letter retry(@PathVariable String number, @PathVariable long id) {
    return letters.retry(number, id);
  }
}
