package io.disputeflow.demo;

/** The groups (docs/design.md, "Who uses it") with their names in Tasklist (English / Chinese). */
enum DemoGroup {
  COORDINATOR("coordinator", "Coordinators / 消保协调员", true),
  SUPERVISOR("supervisor", "Supervisors / 主管", true),
  HEAD("head-of-consumer-protection", "Head of consumer protection / 消保负责人", true),
  CARDS("dept-cards", "Cards / 信用卡部", true),
  ACCOUNTS("dept-accounts", "Accounts / 个人存款部", true),
  LOANS("dept-loans", "Loans / 个人贷款部", true),
  DIGITAL("dept-digital", "Digital banking / 网络金融部", true),
  WEALTH("dept-wealth", "Wealth management / 财富管理部", true),
  REMITTANCE("dept-remittance", "Remittance / 国际汇款部", true),
  COLLECTIONS("dept-collections", "Collections / 催收管理部", true),
  LEGAL("legal", "Legal counsel / 法律顾问", true),
  PROCESS_OWNER("process-owner", "Process owners / 流程负责人", true),
  AUDITOR("auditor", "Auditors / 审计", false),
  INTAKE("intake", "Channel systems / 渠道系统", false),
  MONITORING("monitoring", "Monitoring / 运维监控", false),
  ADMIN("camunda-admin", "Camunda administrators", false);

  final String id;
  final String name;
  /** Whether the group works tasks, and so may read the Tasklist filters. */
  final boolean worksTasks;

  DemoGroup(String id, String name, boolean worksTasks) {
    this.id = id;
    this.name = name;
    this.worksTasks = worksTasks;
  }
}
