package io.disputeflow.correspondence;

import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.RepresentativeRepository;
import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the office does about a letter's delivery: records when a printed letter reached the customer,
 * and for a FAILED one retries it, sends it to a new e-mail address or prints it. Each action
 * refreshes the case's open tasks about undelivered letters.
 */
@Component
class LetterDeliveryActions {

  private static final Logger LOG = LoggerFactory.getLogger(LetterDeliveryActions.class);

  private final LetterService letterService;
  private final LetterRepository letters;
  private final ComplaintRepository complaints;
  private final RepresentativeRepository representatives;
  private final OpenTaskLetters openTasks;
  private final BankTime bankTime;

  LetterDeliveryActions(LetterService letterService, LetterRepository letters, ComplaintRepository complaints,
      RepresentativeRepository representatives, OpenTaskLetters openTasks, BankTime bankTime) {
    this.letterService = letterService;
    this.letters = letters;
    this.complaints = complaints;
    this.representatives = representatives;
    this.openTasks = openTasks;
    this.bankTime = bankTime;
  }

  /** A printed letter reached the customer at {@code deliveredAt} (recorded by {@code recordedBy}). */
  @Transactional
  public Letter recordDelivery(String complaintNumber, long letterId, OffsetDateTime deliveredAt, String recordedBy) {
    LetterCopy copy = letterService.copyOf(complaintNumber, letterId);
    if (deliveredAt.isAfter(bankTime.now().plusMinutes(5)) || deliveredAt.isBefore(copy.letter().createdAt())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "deliveredAt must lie between the letter's posting (" + copy.letter().createdAt() + ") and now");
    }
    if (!letters.recordDelivery(complaintNumber, letterId, deliveredAt, recordedBy)) {
      throw new LetterNotRetryableException(copy.letter(), "only a printed letter (PRINT) has a recorded delivery");
    }
    return letterService.copyOf(complaintNumber, letterId).letter();
  }

  /** Gives a FAILED letter a fresh set of delivery attempts, starting now (e.g. once the mail server is back). */
  @Transactional
  public Letter retry(String complaintNumber, long letterId) {
    Letter letter = letterService.copyOf(complaintNumber, letterId).letter();
    if (!letters.requeueFailed(complaintNumber, letterId, bankTime.now())) {
      throw new LetterNotRetryableException(letter);
    }
    LOG.info("Letter {} ({} of {}) queued again after {} failed attempts: {}", letterId, letter.type(),
        complaintNumber, letter.attempts(), letter.lastError());
    openTasks.refresh(complaintNumber);
    return letterService.copyOf(complaintNumber, letterId).letter();
  }

  /**
   * Sends a FAILED letter to the customer's new e-mail address, which the complaint record keeps for
   * the letters that follow: a fresh set of delivery attempts, starting now.
   */
  @Transactional
  public Letter retryAt(String complaintNumber, long letterId, String newEmail) {
    String address = validEmail(newEmail);
    Letter letter = letterService.copyOf(complaintNumber, letterId).letter();
    if (!letters.requeueFailedTo(complaintNumber, letterId, address, bankTime.now())) {
      throw new LetterNotRetryableException(letter);
    }
    if (letter.toCustomer()) {
      complaints.updateCustomerEmail(complaintNumber, address);
    } else {
      // the representative's copy failed: their new address is on file (a new representative entry) for what follows
      representatives.current(complaintNumber).ifPresent(current -> representatives.insert(complaintNumber,
          new Representative(current.name(), current.relation(), current.phone(), address, current.address(),
              current.authorityDocumentId(), null, bankTime.now())));
    }
    LOG.info("Letter {} ({} of {}) queued again for a new address after {} failed attempts: {}", letterId,
        letter.type(), complaintNumber, letter.attempts(), letter.lastError());
    openTasks.refresh(complaintNumber);
    return letterService.copyOf(complaintNumber, letterId).letter();
  }

  /** A FAILED letter goes on paper, as for a customer without e-mail: it is {@link LetterStatus#PRINT}. */
  @Transactional
  public Letter print(String complaintNumber, long letterId) {
    Letter letter = letterService.copyOf(complaintNumber, letterId).letter();
    if (!letters.printFailed(complaintNumber, letterId)) {
      throw new LetterNotRetryableException(letter);
    }
    LOG.info("Letter {} ({} of {}) to be printed and posted after {} failed attempts", letterId, letter.type(),
        complaintNumber, letter.attempts());
    openTasks.refresh(complaintNumber);
    return letterService.copyOf(complaintNumber, letterId).letter();
  }

  /** An e-mail address as the customer's mail system needs it, or a clear refusal. */
  static String validEmail(String email) {
    try {
      jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(
          email == null ? "" : email.strip(), true);
      if (address.getAddress().contains("@") && address.getPersonal() == null) {
        return address.getAddress();
      }
    } catch (jakarta.mail.internet.AddressException e) {
      // refused below
    }
    throw new IllegalArgumentException("Not an e-mail address like name@example.com: " + email);
  }
}
