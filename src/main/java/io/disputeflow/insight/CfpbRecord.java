package io.disputeflow.insight;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a CFPB Consumer Complaint Database export, by column name: both the 18-column layout and
 * the 16-column one without {@code Consumer complaint narrative} and {@code Company public response}
 * read the same way, and the columns may come in any order.
 */
record CfpbRecord(Map<String, String> values) {

  static final String DATE_RECEIVED = "Date received";
  static final String PRODUCT = "Product";
  static final String SUB_PRODUCT = "Sub-product";
  static final String ISSUE = "Issue";
  static final String SUB_ISSUE = "Sub-issue";
  static final String NARRATIVE = "Consumer complaint narrative";
  static final String COMPANY = "Company";
  static final String STATE = "State";
  static final String TAGS = "Tags";
  static final String CONSENT = "Consumer consent provided?";
  static final String SUBMITTED_VIA = "Submitted via";
  static final String COMPLAINT_ID = "Complaint ID";

  /** Without these a row cannot become a complaint; every other column is optional. */
  static final List<String> REQUIRED_COLUMNS = List.of(DATE_RECEIVED, PRODUCT, ISSUE, COMPLAINT_ID);

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);

  String get(String column) {
    String value = values.get(column);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The CFPB's two date formats: 2019-09-24 (current exports) and 09/24/2019 (older ones). */
  LocalDate dateReceived() {
    String text = get(DATE_RECEIVED);
    if (text == null) {
      return null;
    }
    String date = text.length() > 10 ? text.substring(0, 10) : text;
    try {
      return date.contains("/") ? LocalDate.parse(date, US_DATE) : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date such as 2019-09-24 or 09/24/2019");
    }
  }

  /** The "Older American" tag (62 or older) marks a vulnerable customer. */
  boolean olderAmerican() {
    String tags = get(TAGS);
    return tags != null && tags.toLowerCase(Locale.ROOT).contains("older american");
  }

  /** Our product for the CFPB's product and sub-product; OTHER for one we do not offer. */
  Product product() {
    String product = get(PRODUCT) == null ? "" : get(PRODUCT).toLowerCase(Locale.ROOT);
    String sub = get(SUB_PRODUCT) == null ? "" : get(SUB_PRODUCT).toLowerCase(Locale.ROOT);
    if (product.startsWith("credit reporting")) {
      return Product.CREDIT_REPORTING;
    }
    if (product.startsWith("debt collection")) {
      return Product.DEBT_COLLECTION;
    }
    if (product.startsWith("credit card") || product.startsWith("prepaid card")) {
      return Product.CREDIT_CARD;
    }
    if (product.startsWith("checking or savings") || product.startsWith("bank account")) {
      return sub.contains("line of credit") ? Product.PERSONAL_LOAN : Product.DEPOSIT_ACCOUNT;
    }
    if (product.startsWith("mortgage")) {
      return Product.MORTGAGE;
    }
    if (product.startsWith("student loan") || product.startsWith("vehicle loan") || product.startsWith("payday loan")
        || product.startsWith("consumer loan")) {
      return Product.PERSONAL_LOAN;
    }
    if (product.startsWith("money transfer") || product.startsWith("virtual currency")) {
      if (sub.contains("international")) {
        return Product.CROSS_BORDER_REMITTANCE;
      }
      return sub.contains("domestic") || sub.contains("mobile or digital wallet")
          ? Product.ONLINE_BANKING : Product.OTHER;
    }
    return Product.OTHER;
  }

  /** How the consumer reached the regulator, as one of our channels (the complaint's own is REGULATOR_REFERRAL). */
  Channel originChannel() {
    String via = get(SUBMITTED_VIA);
    if (via == null) {
      return null;
    }
    return switch (via.toLowerCase(Locale.ROOT)) {
      case "web", "web referral" -> Channel.ONLINE_BANKING;
      case "phone" -> Channel.PHONE;
      case "email" -> Channel.EMAIL;
      case "postal mail", "fax" -> Channel.LETTER;
      case "referral" -> Channel.REGULATOR_REFERRAL;
      default -> null;
    };
  }
}
