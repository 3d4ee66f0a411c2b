package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the CFPB's fields map to ours. */
class CfpbRecordTests {

  @Test
  void shouldMapTheCfpbProductsToOurs() {
    assertThat(product("Credit reporting, credit repair services, or other personal consumer reports", "Credit reporting"))
        .isEqualTo(Product.CREDIT_REPORTING);
    assertThat(product("Debt collection", "Medical debt")).isEqualTo(Product.DEBT_COLLECTION);
    assertThat(product("Credit card or prepaid card", "Store credit card")).isEqualTo(Product.CREDIT_CARD);
    assertThat(product("Checking or savings account", "Checking account")).isEqualTo(Product.DEPOSIT_ACCOUNT);
    assertThat(product("Checking or savings account", "Personal line of credit")).isEqualTo(Product.PERSONAL_LOAN);
    assertThat(product("Mortgage", "FHA mortgage")).isEqualTo(Product.MORTGAGE);
    assertThat(product("Student loan", "Private student loan")).isEqualTo(Product.PERSONAL_LOAN);
    assertThat(product("Vehicle loan or lease", "Lease")).isEqualTo(Product.PERSONAL_LOAN);
    assertThat(product("Money transfer, virtual currency, or money service", "International money transfer"))
        .isEqualTo(Product.CROSS_BORDER_REMITTANCE);
    assertThat(product("Money transfer, virtual currency, or money service", "Mobile or digital wallet"))
        .isEqualTo(Product.ONLINE_BANKING);
    assertThat(product("Money transfer, virtual currency, or money service", "Virtual currency"))
        .isEqualTo(Product.OTHER);
    assertThat(product("Something new", null)).isEqualTo(Product.OTHER);
  }

  @Test
  void shouldMapHowTheConsumerReachedTheRegulator() {
    assertThat(via("Web")).isEqualTo(Channel.ONLINE_BANKING);
    assertThat(via("Phone")).isEqualTo(Channel.PHONE);
    assertThat(via("Postal mail")).isEqualTo(Channel.LETTER);
    assertThat(via("Fax")).isEqualTo(Channel.LETTER);
    assertThat(via("Email")).isEqualTo(Channel.EMAIL);
    assertThat(via("Referral")).isEqualTo(Channel.REGULATOR_REFERRAL);
    assertThat(via("Carrier pigeon")).isNull();
  }

  @Test
  void shouldReadBothDateFormatsAndTheOlderAmericanTag() {
    assertThat(record(Map.of("Date received", "2019-09-24")).dateReceived()).isEqualTo(LocalDate.of(2019, 9, 24));
    assertThat(record(Map.of("Date received", "09/24/2019")).dateReceived()).isEqualTo(LocalDate.of(2019, 9, 24));
    assertThatThrownBy(() -> record(Map.of("Date received", "24.09.2019")).dateReceived())
        .hasMessageContaining("must be a date");
    assertThat(record(Map.of("Tags", "Older American, Servicemember")).olderAmerican()).isTrue();
    assertThat(record(Map.of("Tags", "Servicemember")).olderAmerican()).isFalse();
    assertThat(record(Map.of("Tags", " ")).olderAmerican()).isFalse();
  }

  private static Product product(String product, String subProduct) {
    Map<String, String> values = new HashMap<>();
    values.put("Product", product);
    values.put("Sub-product", subProduct);
    return record(values).product();
  }

  private static Channel via(String submittedVia) {
    return record(Map.of("Submitted via", submittedVia)).originChannel();
  }

  private static CfpbRecord record(Map<String, String> values) {
    return new CfpbRecord(values);
  }
}
