package io.disputeflow.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The decision clock's actions: extension requests, pause and resume. */
@RestController
@RequestMapping("/api/complaints/{number}")
class ClockController {

  record ExtensionRequest(@NotBlank @Size(max = 2000) String reason) {}

  record PauseRequest(@NotBlank @Size(max = 2000) String reason) {}

  private final ClockActions actions;

  ClockController(ClockActions actions) {
    this.actions = actions;
  }

  @PostMapping("/extension-requests")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void requestExtension(@PathVariable String number, @Valid @RequestBody ExtensionRequest body) {
    actions.requestExtension(number, body.reason());
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
