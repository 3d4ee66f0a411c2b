package io.disputeflow.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What intake was told about an electronic fund transfer, the facts that choose a Regulation E row
 * of deadline-policy.dmn (12 CFR 1005.11(c)(3)): a transfer to or from an account within 30 days of
 * its first deposit, a point-of-sale debit card transaction, a transfer not initiated within a State.
 */
public record TransferFacts(boolean newAccount, boolean pointOfSale, boolean foreignInitiated) {

  public static final TransferFacts NONE = new TransferFacts(false, false, false);

  /** No fact, and each fact alone: the cases deployment validation evaluates a policy for. */
  public static final List<TransferFacts> EACH = List.of(NONE, new TransferFacts(true, false, false),
      new TransferFacts(false, true, false), new TransferFacts(false, false, true));

  /** The decision's input names, each always present (FEEL fails on a missing variable). */
  public Map<String, Object> asDecisionInputs() {
    return Map.of("newAccount", newAccount, "pointOfSale", pointOfSale, "foreignInitiated", foreignInitiated);
  }

  /** As the complaint record keeps them: NEW_ACCOUNT, POINT_OF_SALE, FOREIGN_INITIATED, comma-separated; null if none. */
  public String codes() {
    List<String> codes = new ArrayList<>();
    if (newAccount) {
      codes.add("NEW_ACCOUNT");
    }
    if (pointOfSale) {
      codes.add("POINT_OF_SALE");
    }
    if (foreignInitiated) {
      codes.add("FOREIGN_INITIATED");
    }
    return codes.isEmpty() ? null : String.join(",", codes);
  }

  public static TransferFacts of(Boolean newAccount, Boolean pointOfSale, Boolean foreignInitiated) {
    return new TransferFacts(Boolean.TRUE.equals(newAccount), Boolean.TRUE.equals(pointOfSale),
        Boolean.TRUE.equals(foreignInitiated));
  }
}
