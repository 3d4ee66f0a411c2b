package io.disputeflow.casefile;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.ComplaintPage;
import io.disputeflow.complaint.ComplaintSearch;
import io.disputeflow.complaint.ComplaintSearchRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.CustomerActions;
import io.disputeflow.complaint.Product;
import io.disputeflow.complaint.Stage;

import io.disputeflow.refusal.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading and searching complaints, and the customer's answers passed on by channel systems. */
@RestController
@RequestMapping("/api/complaints")
@Validated
class ComplaintController {

  private final ComplaintQueries queries;
  private final ComplaintSearchRepository search;
  private final CustomerActions customerActions;
  private final java.time.Clock clock;
  private final ComplaintDisclosure disclosure;

  ComplaintController(ComplaintQueries queries, ComplaintSearchRepository search, CustomerActions customerActions,
      java.time.Clock clock, ComplaintDisclosure disclosure) {
    this.disclosure = disclosure;
    this.queries = queries;
    this.search = search;
    this.customerActions = customerActions;
    this.clock = clock;
  }

  @GetMapping("/{number}")
  ComplaintView get(@PathVariable String number, Authentication caller) {
    return disclosure.of(queries.get(number), caller);
  }

  @GetMapping
  ComplaintPage search(
      @RequestParam(required = false) ComplaintStatus status,
      @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String priority,
      @RequestParam(required = false) Product product,
      @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String customerName,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime receivedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime receivedTo,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String dueWithin,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return search.search(new ComplaintSearch(status, stage, category, priority, product, channel, customerId,
        customerName, receivedFrom, receivedTo, overdue, dueBefore(dueWithin), OffsetDateTime.now(clock)), page, size);
  }

  /** {@code dueWithin=P2D}: undecided complaints whose decision falls due within two days from now. */
  private OffsetDateTime dueBefore(String dueWithin) {
    if (dueWithin == null || dueWithin.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.now(clock).plus(java.time.Duration.parse(dueWithin));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidFieldException("dueWithin", "must be an ISO-8601 duration such as P2D or PT12H");
    }
  }

  record CustomerResponse(@NotNull Boolean accepted, @Size(max = 2000) String reason) {}

  record ReverificationRequest(@NotBlank @Size(max = 2000) String reason) {}

  record SurveyResponse(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {}

  @PostMapping("/{number}/customer-response")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void customerResponse(@PathVariable String number, @Valid @RequestBody CustomerResponse body) {
    customerActions.respondToDecision(number, body.accepted(), body.reason());
  }

  @PostMapping("/{number}/reverification-request")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void reverificationRequest(@PathVariable String number, @Valid @RequestBody ReverificationRequest body) {
    customerActions.requestReverification(number, body.reason());
  }

  @PostMapping("/{number}/survey")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void survey(@PathVariable String number, @Valid @RequestBody SurveyResponse body) {
    customerActions.answerSurvey(number, body.score(), body.comment());
  }
}
