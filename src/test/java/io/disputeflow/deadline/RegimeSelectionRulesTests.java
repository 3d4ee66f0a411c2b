package io.disputeflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.support.ShippedDecisions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/decisions/regime-selection.dmn row by row: which rules a complaint falls under when the
 * intake names no regime, from the bank's jurisdiction, the channel, the product and the category.
 * The periods of each regime are RegulatoryRulesTests'.
 */
class RegimeSelectionRulesTests {

  private static final ShippedDecisions SELECTION = new ShippedDecisions("regime-selection.dmn");
  private static final ShippedDecisions POLICY = new ShippedDecisions("deadline-policy.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      rule_cfpb_referral                     | US     | REGULATOR_REFERRAL | CREDIT_CARD             | BILLING_DISPUTE     | US-CFPB
      rule_us_credit_card_billing_error      | US     | WEB                | CREDIT_CARD             | BILLING_DISPUTE     | US-REG-Z
      rule_us_electronic_fund_transfer_error | US     | MOBILE_APP         | ONLINE_BANKING          | TRANSACTION_FAILURE | US-REG-E
      rule_us_other                          | US     | BRANCH             | MORTGAGE                | CONTRACT_TERMS      | US-CFPB
      rule_uk_payment_services               | GB-EAW | WEB                | DEPOSIT_ACCOUNT         | TRANSACTION_FAILURE | UK-FCA-DISP-PSD
      rule_uk_other                          | GB-EAW | BRANCH             | WEALTH_MANAGEMENT       | MIS_SELLING         | UK-FCA-DISP
      rule_default_cn                        | CN     | BRANCH             | CREDIT_CARD             | BILLING_DISPUTE     | CN-CBIRC-2020
      """)
  void shouldChooseTheRegimeTheComplaintFallsUnder(String row, String jurisdiction, String channel, String product,
      String category, String regime) {
    Map<String, Object> complaint = new HashMap<>();
    complaint.put("jurisdiction", jurisdiction);
    complaint.put("channel", channel);
    complaint.put("product", product);
    complaint.put("category", category);

    String chosen = SELECTION.evaluate("regime-selection", complaint).getSingleResult().getEntry("regime");

    assertThat(SELECTION.matched()).as("the rows that matched").containsExactly(row);
    assertThat(chosen).isEqualTo(regime);
  }

  /**
   * A regime the policy has no row for (a regime-selection deployed before deployment validation
   * checked it) still gets the default row's periods (China's, the bank's home regime) rather than no clock.
   */
  @Test
  void shouldGiveARegimeWithoutARowTheDefaultPeriods() {
    Map<String, Object> complaint = new HashMap<>();
    complaint.put("regime", "XX-UNKNOWN");
    complaint.put("category", "BILLING_DISPUTE");
    complaint.put("priority", "LOW");

    var policy = POLICY.evaluate("deadline-policy", complaint).getSingleResult();

    assertThat(POLICY.matched()).containsExactly("rule_default_regime");
    assertThat(policy.<String>getEntry("decideWithin")).isEqualTo("P15D");
    assertThat(policy.<String>getEntry("contestWithin")).isEqualTo("P30D");
  }
}
