package io.disputeflow.feedback;

import java.util.Arrays;
import java.util.Optional;

/**
 * The managed root-cause taxonomy (溯源分类) the coordinator chooses from at closing. The option list
 * of processes/forms/record-root-cause.form carries the same values and labels (a test keeps them equal).
 */
public enum RootCause {
  PRODUCT_DESIGN("Product design / 产品设计"),
  DISCLOSURE_MIS_SELLING("Disclosure or mis-selling / 信息披露/误导销售"),
  PROCESS_ERROR("Process error / 流程差错"),
  SYSTEM_FAULT("System fault / 系统故障"),
  STAFF_CONDUCT("Staff conduct / 员工行为"),
  THIRD_PARTY_FRAUD("Third-party fraud / 第三方欺诈"),
  CUSTOMER_MISUNDERSTANDING("Customer misunderstanding / 客户误解"),
  OTHER("Other / 其他");

  private final String label;

  RootCause(String label) {
    this.label = label;
  }

  /** "System fault / 系统故障": how forms and reports show it. */
  public String label() {
    return label;
  }

  public static Optional<RootCause> of(String value) {
    return Arrays.stream(values()).filter(cause -> cause.name().equals(value)).findFirst();
  }
}
