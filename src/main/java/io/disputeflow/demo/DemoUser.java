package io.disputeflow.demo;

/** The demo users (docs/design.md, "Who uses it"): one per group, all with the password "demo". */
enum DemoUser {
  CORA("cora", "Cora", "Zhang", "coordinator"),
  CHEN("chen", "Chen", "Wei", "coordinator"),
  SAM("sam", "Sam", "Li", "supervisor"),
  HELEN("helen", "Helen", "Wang", "head-of-consumer-protection"),
  CARL("carl", "Carl", "Zhao", "dept-cards"),
  ANNA("anna", "Anna", "Liu", "dept-accounts"),
  LEO("leo", "Leo", "Chen", "dept-loans"),
  DIANA("diana", "Diana", "Yang", "dept-digital"),
  WENDY("wendy", "Wendy", "Huang", "dept-wealth"),
  REMY("remy", "Remy", "Wu", "dept-remittance"),
  COLIN("colin", "Colin", "Zhou", "dept-collections"),
  LARA("lara", "Lara", "Xu", "legal"),
  PAUL("paul", "Paul", "Sun", "process-owner"),
  AUDREY("audrey", "Audrey", "Ma", "auditor"),
  INTAKE("intake", "Channel", "Systems", "intake"),
  MONITOR("monitor", "Operations", "Monitoring", "monitoring"),
  ADMIN("admin", "Camunda", "Administrator", "camunda-admin");

  static final String PASSWORD = "demo";

  final String id;
  final String firstName;
  final String lastName;
  final String group;

  DemoUser(String id, String firstName, String lastName, String group) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.group = group;
  }
}
