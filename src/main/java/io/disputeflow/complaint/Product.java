package io.disputeflow.complaint;

/** The product a complaint is about, with the label shown to coordinators. */
public enum Product {
  CREDIT_CARD("Credit card", "信用卡"),
  DEPOSIT_ACCOUNT("Deposit account", "存款账户"),
  ONLINE_BANKING("Online banking", "网上银行"),
  PERSONAL_LOAN("Personal loan", "个人贷款"),
  MORTGAGE("Mortgage", "住房按揭贷款"),
  WEALTH_MANAGEMENT("Wealth management", "理财产品"),
  CROSS_BORDER_REMITTANCE("Cross-border remittance", "跨境汇款"),
  DEBT_COLLECTION("Debt collection", "催收"),
  CREDIT_REPORTING("Credit reporting", "征信"),
  OTHER("Other", "其他");

  private final String english;
  private final String chinese;

  Product(String english, String chinese) {
    this.english = english;
    this.chinese = chinese;
  }

  public String english() {
    return english;
  }

  /** "Credit card / 信用卡": how forms and task names show it. */
  public String label() {
    return english + " / " + chinese;
  }
}
