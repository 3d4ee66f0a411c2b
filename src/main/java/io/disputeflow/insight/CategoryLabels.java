package io.disputeflow.insight;

import java.util.Map;

/** Bilingual names of the categories that complaint-classification.dmn assigns, for reports and alerts. */
final class CategoryLabels {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("FRAUD", "Fraud / 欺诈盗用"),
      Map.entry("DEBT_COLLECTION_CONDUCT", "Debt collection conduct / 催收行为"),
      Map.entry("CREDIT_REPORT_ERROR", "Credit report error / 征信异议"),
      Map.entry("REMITTANCE", "Remittance / 汇款"),
      Map.entry("MIS_SELLING", "Mis-selling / 误导销售"),
      Map.entry("CONTRACT_TERMS", "Contract terms / 合同条款"),
      Map.entry("BILLING_DISPUTE", "Billing dispute / 账单争议"),
      Map.entry("TRANSACTION_FAILURE", "Transaction failure / 交易失败"),
      Map.entry("ACCOUNT_SERVICE", "Account service / 账户服务"),
      Map.entry("OTHER", "Other / 其他"));

  private CategoryLabels() {}

  /** The label, or the value itself for a category a newer decision version introduced. */
  static String of(String category) {
    return LABELS.getOrDefault(category, category);
  }
}
