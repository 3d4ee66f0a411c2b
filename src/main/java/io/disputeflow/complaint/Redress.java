package io.disputeflow.complaint;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The compensation a decision granted, as paid: DUE until the accounts department pays it, FAILED when
 * the last attempt failed (the coordinator corrects the account), PAID with when, the payment reference
 * and who recorded it. {@code paidOnTime} once paid: by {@code dueAt}.
 */
public record Redress(BigDecimal amount, String currency, OffsetDateTime dueAt, String status, String account,
    int attempts, String lastFailure, OffsetDateTime paidAt, String reference, String paidBy, Boolean paidOnTime) {

  public static final String DUE = "DUE";
  public static final String FAILED = "FAILED";
  public static final String PAID = "PAID";
}
