package io.disputeflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.support.ShippedDecisions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/decisions/complaint-classification.dmn row by row, with complaints as customers write
 * them: each row's example reaches that row (none is shadowed by the rows above it) and routes the
 * complaint where the bank wants it. The intake and API tests run the same tables inside the engine.
 */
class ClassificationRulesTests {

  private static final ShippedDecisions DECISIONS = new ShippedDecisions("complaint-classification.dmn");

  @ParameterizedTest(name = "{0}: {1} / {2}")
  @CsvSource(delimiter = '|', textBlock = """
      rule_topic_fraud_alert        | CREDIT_REPORTING        | Cannot lift the security freeze on my file       | CREDIT_REPORT_ERROR     | dept-loans                   | false
      rule_fraud_cards              | CREDIT_CARD             | 信用卡被盗刷三笔                                  | FRAUD                   | dept-cards,dept-digital      | true
      rule_fraud_loans              | PERSONAL_LOAN           | A loan I didn't apply for is in my name          | FRAUD                   | dept-loans,dept-digital      | true
      rule_fraud_remittance         | CROSS_BORDER_REMITTANCE | 冒名汇款到境外账户                                | FRAUD                   | dept-remittance,dept-digital | true
      rule_fraud_wealth             | WEALTH_MANAGEMENT       | Phishing call sold me a fake product             | FRAUD                   | dept-wealth,dept-digital     | true
      rule_fraud_collections        | DEBT_COLLECTION         | Collector asks me to repay a scam loan           | FRAUD                   | dept-collections             | true
      rule_fraud_credit_report      | CREDIT_REPORTING        | Stolen identity used to open accounts            | FRAUD                   | dept-loans                   | true
      rule_fraud_other              | DEPOSIT_ACCOUNT         | 存款被冒用                                        | FRAUD                   | dept-accounts,dept-digital   | true
      rule_collection_conduct       | PERSONAL_LOAN           | 催收人员半夜骚扰我的家人                          | DEBT_COLLECTION_CONDUCT | dept-collections             | false
      rule_credit_report_cards      | CREDIT_CARD             | 信用报告上多了一条逾期记录                        | CREDIT_REPORT_ERROR     | dept-cards                   | false
      rule_credit_report_accounts   | DEPOSIT_ACCOUNT         | Wrong account shown on my credit report          | CREDIT_REPORT_ERROR     | dept-accounts                | false
      rule_credit_report_other      | ONLINE_BANKING          | 征信查询记录不是我本人操作的查询                  | CREDIT_REPORT_ERROR     | dept-loans                   | false
      rule_cross_border_remittance  | CROSS_BORDER_REMITTANCE | 收款行退回了汇款                                  | REMITTANCE              | dept-remittance              | true
      rule_cross_border_topic       | DEPOSIT_ACCOUNT         | Incoming SWIFT wire never credited               | REMITTANCE              | dept-remittance              | true
      rule_money_transfer           | Money transfer, virtual currency, or money service | Wallet closed without notice | REMITTANCE | dept-remittance | false
      rule_debt_collection          | DEBT_COLLECTION         | Written notice about the debt was unclear        | DEBT_COLLECTION_CONDUCT | dept-collections             | false
      rule_credit_reporting         | CREDIT_REPORTING        | Improper use of my personal data                 | CREDIT_REPORT_ERROR     | dept-loans                   | false
      rule_mis_selling_wealth       | WEALTH_MANAGEMENT       | 理财经理说保本，实际亏损了                        | MIS_SELLING             | dept-wealth                  | true
      rule_mis_selling_loans        | MORTGAGE                | I was misled about the rate reset                | MIS_SELLING             | dept-loans                   | false
      rule_mis_selling_cards        | CREDIT_CARD             | 办卡时被搭售保险                                  | MIS_SELLING             | dept-cards                   | false
      rule_mis_selling_other        | DEPOSIT_ACCOUNT         | An unsuitable product was pushed on my mother    | MIS_SELLING             | dept-accounts                | false
      rule_contract_terms_loans     | PERSONAL_LOAN           | 提前还款违约金过高                                | CONTRACT_TERMS          | dept-loans                   | true
      rule_contract_terms_cards     | CREDIT_CARD             | 信用卡领用合同条款不公平                          | CONTRACT_TERMS          | dept-cards                   | false
      rule_contract_terms_wealth    | WEALTH_MANAGEMENT       | The product agreement hides the lock-up period   | CONTRACT_TERMS          | dept-wealth                  | false
      rule_contract_terms_digital   | ONLINE_BANKING          | 网银服务协议的条款看不懂                          | CONTRACT_TERMS          | dept-digital                 | false
      rule_contract_terms_other     | DEPOSIT_ACCOUNT         | Safe deposit box contract was changed            | CONTRACT_TERMS          | dept-accounts                | false
      rule_billing_cards            | CREDIT_CARD             | 年费没有按约定减免                                | BILLING_DISPUTE         | dept-cards                   | false
      rule_billing_loans            | MORTGAGE                | Interest calculated on the wrong balance         | BILLING_DISPUTE         | dept-loans                   | false
      rule_billing_wealth           | WEALTH_MANAGEMENT       | 赎回时的手续费比说明书高                          | BILLING_DISPUTE         | dept-wealth                  | false
      rule_billing_digital          | ONLINE_BANKING          | 短信通知服务重复收费                              | BILLING_DISPUTE         | dept-digital                 | false
      rule_billing_other            | DEPOSIT_ACCOUNT         | Overdraft fee after a deposit posted late        | BILLING_DISPUTE         | dept-accounts                | false
      rule_transaction_cards        | CREDIT_CARD             | 还款已到账但仍显示未还                            | TRANSACTION_FAILURE     | dept-cards                   | false
      rule_transaction_loans        | PERSONAL_LOAN           | My payment was returned although funds were there | TRANSACTION_FAILURE    | dept-loans                   | false
      rule_transaction_digital      | ONLINE_BANKING          | 手机银行转账失败但被扣款                          | TRANSACTION_FAILURE     | dept-digital                 | false
      rule_transaction_other        | DEPOSIT_ACCOUNT         | ATM kept my card and the cash: atm withdraw failed | TRANSACTION_FAILURE   | dept-accounts,dept-digital   | false
      rule_account_service_cards    | CREDIT_CARD             | 信用额度被无故降低                                | ACCOUNT_SERVICE         | dept-cards                   | false
      rule_account_service_accounts | DEPOSIT_ACCOUNT         | 柜台排队两个小时无人办理                          | ACCOUNT_SERVICE         | dept-accounts                | false
      rule_account_service_digital  | ONLINE_BANKING          | The app does not show my accounts                | ACCOUNT_SERVICE         | dept-digital                 | false
      rule_account_service_loans    | MORTGAGE                | 房贷审批进度无人告知                              | ACCOUNT_SERVICE         | dept-loans                   | false
      rule_account_service_wealth   | WEALTH_MANAGEMENT       | 理财经理离职后无人对接                            | ACCOUNT_SERVICE         | dept-wealth                  | false
      rule_other                    | OTHER                   | 网点门口台阶没有无障碍通道                        | OTHER                   | dept-accounts                | false
      """)
  void shouldRouteEachKindOfComplaintAsTheBankDecided(String row, String product, String issue, String category,
      String departments, boolean legalNeeded) {
    DmnDecisionResultEntries result = DECISIONS.evaluate("complaint-classification",
        Map.of("product", product, "issue", issue)).getSingleResult();

    assertThat(DECISIONS.matched()).as("the rows that matched").contains(row);
    assertThat(result.<String>getEntry("category")).as(row).isEqualTo(category);
    assertThat(result.<String>getEntry("departments")).as(row).isEqualTo(departments);
    assertThat(result.<Boolean>getEntry("legalNeeded")).as(row).isEqualTo(legalNeeded);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      rule_priority_vulnerable         | true  | 40   | MOBILE_APP         | 100    | HIGH
      rule_priority_elderly            | false | 65   | BRANCH             | 100    | HIGH
      rule_priority_regulator_referral | false | 40   | REGULATOR_REFERRAL | 100    | HIGH
      rule_priority_large_amount       | false | null | WEB                | 50000  | HIGH
      rule_priority_medium_amount      | false | 64   | HOTLINE            | 5000   | MEDIUM
      rule_priority_default            | false | 30   | WEB                | 4999.99 | LOW
      """)
  void shouldPrioritiseVulnerableElderlyReferredAndLargeComplaints(String row, boolean vulnerable, Integer customerAge,
      String channel, double disputedAmount, String priority) {
    Map<String, Object> complaint = new HashMap<>();
    complaint.put("vulnerable", vulnerable);
    complaint.put("customerAge", customerAge);
    complaint.put("channel", channel);
    complaint.put("disputedAmount", disputedAmount);

    String result = DECISIONS.evaluate("complaint-priority", complaint).getSingleResult().getEntry("priority");

    assertThat(DECISIONS.matched()).as("the rows that matched").containsExactly(row);
    assertThat(result).as(row).isEqualTo(priority);
  }
}
