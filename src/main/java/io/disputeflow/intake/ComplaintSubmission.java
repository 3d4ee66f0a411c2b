package io.disputeflow.intake;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.representative.RepresentativeDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The body of POST /api/complaints. */
public record ComplaintSubmission(
    @NotNull Channel channel,
    @Size(max = 100) String externalReference,
    OffsetDateTime receivedAt,
    @NotNull @Valid Customer customer,
    @NotNull Product product,
    @NotBlank @Size(max = 200) String issue,
    @NotBlank @Size(max = 20_000) String narrative,
    @Valid Money disputedAmount,
    Boolean inquiryOnly,
    @Pattern(regexp = "CN-CBIRC-2020|UK-FCA-DISP|UK-FCA-DISP-PSD|US-CFPB|US-REG-E|US-REG-Z",
        message = "must be one of CN-CBIRC-2020, UK-FCA-DISP, UK-FCA-DISP-PSD, US-CFPB, US-REG-E, US-REG-Z")
    String regime,
    /** Regulation E: what the channel knows of the electronic fund transfer in error (each optional). */
    @Valid ElectronicFundTransfer electronicFundTransfer,
    /** A repeat of this open complaint: the submission joins it instead of opening a case. */
    @Pattern(regexp = "CMP-\\d{4}-\\d{6}", message = "must be a complaint number such as CMP-2026-000123")
    String repeatOf,
    /** The repeat brings new facts or reasons: the open case's decision period restarts from its receipt. */
    Boolean newFacts,
    /** Who made the complaint on the customer's behalf (a relative, a lawyer, an agent); null when the customer did. */
    @Valid RepresentativeDetails representative,
    /** Regulation Z: the card account's billing cycle, which sets the two-cycle resolution limit. */
    @Valid BillingCycle billingCycle) {

  /** Without a regime: processes/decisions/regime-selection.dmn chooses it at intake. */
  public ComplaintSubmission(Channel channel, String externalReference, OffsetDateTime receivedAt, Customer customer,
      Product product, String issue, String narrative, Money disputedAmount, Boolean inquiryOnly) {
    this(channel, externalReference, receivedAt, customer, product, issue, narrative, disputedAmount, inquiryOnly, null);
  }

  public ComplaintSubmission(Channel channel, String externalReference, OffsetDateTime receivedAt, Customer customer,
      Product product, String issue, String narrative, Money disputedAmount, Boolean inquiryOnly, String regime) {
    this(channel, externalReference, receivedAt, customer, product, issue, narrative, disputedAmount, inquiryOnly,
        regime, null, null, null, null, null);
  }

  /**
   * 12 CFR 1005.11(c)(3): a transfer within 30 days after the account's first deposit, a point-of-sale
   * debit card transaction, a transfer not initiated within a State. They choose the Regulation E row
   * of deadline-policy.dmn (longer periods).
   */
  public record ElectronicFundTransfer(Boolean newAccount, Boolean pointOfSale, Boolean foreignInitiated) {

    boolean any() {
      return Boolean.TRUE.equals(newAccount) || Boolean.TRUE.equals(pointOfSale) || Boolean.TRUE.equals(foreignInitiated);
    }
  }

  /**
   * 12 CFR 1026.13(c)(2): what a card issuer knows of the account's cycle, the day of the month its
   * statement closes (1-31; a shorter month closes on its last day).
   */
  public record BillingCycle(
      @NotNull @Min(value = 1, message = "must be a day of the month, 1 to 31")
      @Max(value = 31, message = "must be a day of the month, 1 to 31") Integer closingDay) {}

  boolean hasNewFacts() {
    return Boolean.TRUE.equals(newFacts);
  }

  public record Customer(
      @Size(max = 64) String customerId,
      @NotBlank @Size(max = 100) String name,
      @Pattern(regexp = "\\+?[0-9][0-9 ()-]{4,24}", message = "must be a phone number of digits, spaces, ( ) and -")
      String phone,
      @Email @Size(max = 254) String email,
      @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String preferredLanguage,
      @Past LocalDate dateOfBirth,
      Boolean vulnerable) {

    String language() {
      return preferredLanguage == null ? "zh-CN" : preferredLanguage;
    }

    boolean isVulnerable() {
      return Boolean.TRUE.equals(vulnerable);
    }
  }

  public record Money(
      @NotNull @DecimalMin(value = "0.00", inclusive = false) @DecimalMax("999999999999.99") @Digits(integer = 13, fraction = 2)
      BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as CNY") String currency) {}

  boolean isInquiryOnly() {
    return Boolean.TRUE.equals(inquiryOnly);
  }

  /** A blank reference is no reference: it must not make unrelated submissions look like retries. */
  String reference() {
    return externalReference == null || externalReference.isBlank() ? null : externalReference.trim();
  }
}
