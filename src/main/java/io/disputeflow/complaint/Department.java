package io.disputeflow.complaint;

import java.util.Arrays;
import java.util.Optional;

/** The departments that review complaints; the id is their Camunda candidate group. */
public enum Department {
  CARDS("dept-cards", "Cards / 信用卡部"),
  ACCOUNTS("dept-accounts", "Accounts / 个人存款部"),
  LOANS("dept-loans", "Loans / 个人贷款部"),
  DIGITAL("dept-digital", "Digital banking / 网络金融部"),
  WEALTH("dept-wealth", "Wealth management / 财富管理部"),
  REMITTANCE("dept-remittance", "Remittance / 国际汇款部"),
  COLLECTIONS("dept-collections", "Collections / 催收管理部");

  private final String groupId;
  private final String label;

  Department(String groupId, String label) {
    this.groupId = groupId;
    this.label = label;
  }

  public String groupId() {
    return groupId;
  }

  public String label() {
    return label;
  }

  public static Optional<Department> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(d -> d.groupId.equals(groupId)).findFirst();
  }

  /** The label of a group id, or the id itself for a department this version does not know. */
  public static String labelOf(String groupId) {
    return ofGroup(groupId).map(Department::label).orElse(groupId);
  }
}
