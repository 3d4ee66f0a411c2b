package io.disputeflow.casefile;

import io.disputeflow.complaint.AwaitedAction;
import io.disputeflow.complaint.AwaitedActions;
import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.ComplaintStatus;
import io.disputeflow.complaint.ExternalReferralRepository;
import io.disputeflow.complaint.RedressRepository;
import io.disputeflow.complaint.ReopeningRepository;
import io.disputeflow.complaint.RepresentativeRepository;
import io.disputeflow.complaint.WithdrawalRepository;
import io.disputeflow.correspondence.LetterService;
import io.disputeflow.deadline.ClockRepository.ClockRecord;
import io.disputeflow.deadline.ClockRepository;
import io.disputeflow.deadline.ClockState;
import io.disputeflow.time.BankTime;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a complaint for the API: our record joined with its clock and what the engine waits for. */
@Service
public class ComplaintQueries {

  private final ComplaintRepository complaints;
  private final ClockRepository clocks;
  private final AwaitedActions awaitedActions;
  private final LetterService letters;
  private final io.disputeflow.deadline.ContestWindow contestWindow;
  private final io.disputeflow.deadline.RegimeCalendars calendars;
  private final Clock clock;
  private final BankTime bankTime;
  private final WithdrawalRepository withdrawals;
  private final RedressRepository redress;
  private final ExternalReferralRepository referrals;
  private final ReopeningRepository reopenings;
  private final RepresentativeRepository representatives;

  ComplaintQueries(ComplaintRepository complaints, ClockRepository clocks, AwaitedActions awaitedActions,
      LetterService letters, io.disputeflow.deadline.ContestWindow contestWindow,
      io.disputeflow.deadline.RegimeCalendars calendars, Clock clock, BankTime bankTime,
      WithdrawalRepository withdrawals, RedressRepository redress, RepresentativeRepository representatives,
      ExternalReferralRepository referrals, ReopeningRepository reopenings) {
    this.representatives = representatives;
    this.referrals = referrals;
    this.reopenings = reopenings;
    this.redress = redress;
    this.withdrawals = withdrawals;
    this.contestWindow = contestWindow;
    this.calendars = calendars;
    this.complaints = complaints;
    this.clocks = clocks;
    this.awaitedActions = awaitedActions;
    this.letters = letters;
    this.clock = clock;
    this.bankTime = bankTime;
  }

  @Transactional(readOnly = true)
  public ComplaintView get(String complaintNumber) {
    return view(complaints.find(complaintNumber).orElseThrow(() -> new ComplaintNotFoundException(complaintNumber)));
  }

  @Transactional(readOnly = true)
  public ComplaintView view(ComplaintRecord record) {
    String number = record.complaintNumber();
    var awaiting = record.status().ended() ? List.<AwaitedAction>of() : awaitedActions.of(number);
    var extensions = clocks.extensionsOf(number).stream()
        .map(e -> new ComplaintView.Extension(e.step(), e.reason(), e.requestedBy(), bankTime.inZone(e.requestedAt()),
            e.outcome(), e.decidedBy(), bankTime.inZone(e.decidedAt()), e.comment(), bankTime.inZone(e.previousDueAt()),
            bankTime.inZone(e.newDueAt())))
        .toList();
    var pauses = clocks.pausesOf(number).stream()
        .map(p -> new ComplaintView.Pause(p.reason(), p.pausedBy(), bankTime.inZone(p.pausedAt()), p.resumedBy(),
            bankTime.inZone(p.resumedAt()), p.pausedSeconds() == null ? null : Duration.ofSeconds(p.pausedSeconds()).toString()))
        .toList();
    return ComplaintView.of(record, awaiting, complaints.countSubmissions(number),
        deadlines(record, clocks.clockOf(number).orElseThrow()), extensions, pauses, letters.lettersOf(number),
        record.status() == ComplaintStatus.WITHDRAWN ? withdrawals.latest(number).orElse(null) : null,
        // a reopened case shows the redress of its latest decision
        redress.latestOfReopenedCase(number).or(() -> redress.find(number)).orElse(null),
        representatives.current(number).orElse(null), referrals.of(number), reopenings.of(number), bankTime);
  }

  private ComplaintView.Deadlines deadlines(ComplaintRecord record, ClockRecord c) {
    return new ComplaintView.Deadlines(c.regime(), clockState(record, c), bankTime.inZone(c.decisionDueAt()),
        bankTime.inZone(c.originalDecisionDueAt()), bankTime.inZone(c.warningAt()), bankTime.inZone(c.reviewDueAt()),
        bankTime.inZone(c.legalDueAt()), bankTime.inZone(c.reverificationDueAt()), c.extensionsUsed(),
        bankTime.inZone(c.pausedSince()), c.pausedSeconds() == 0 ? null : Duration.ofSeconds(c.pausedSeconds()).toString(),
        bankTime.inZone(c.overdueSince()),
        record.decidedAt() == null ? null : contestWindow.until(record.complaintNumber()).map(bankTime::inZone).orElse(null),
        bankTime.inZone(c.acknowledgementDueAt()),
        clocks.acknowledgedAt(record.complaintNumber()).map(bankTime::inZone).orElse(null),
        record.decidedAt() == null || c.reportResultWithin() == null ? null
            : bankTime.inZone(calendars.forRegime(c.regime()).dueAt(record.decidedAt().toZonedDateTime(), c.reportResultWithin())
                .toOffsetDateTime()),
        c.transferFacts() == null ? List.of() : List.of(c.transferFacts().split(",")),
        bankTime.inZone(c.periodStartedAt() == null ? record.receivedAt() : c.periodStartedAt()),
        c.provisionalCredit() == null ? null : new ComplaintView.ProvisionalCredit(c.provisionalCredit().amount(),
            c.provisionalCredit().currency(), bankTime.inZone(c.provisionalCredit().creditedAt()),
            c.provisionalCredit().recordedBy()),
        c.resolutionLimit(), c.billingCycleClosingDay());
  }

  private String clockState(ComplaintRecord record, ClockRecord c) {
    ClockState state = ClockState.of(c, record.decidedAt() != null || record.status().ended(),
        OffsetDateTime.now(clock));
    return state == null ? null : state.name();
  }
}
