package io.disputeflow.security;

import java.util.List;

/**
 * The groups (docs/design.md, "Who uses it"): the product's roles. Engine authorizations (Tasklist, Cockpit,
 * /engine-rest) and our API's rules are both given per group; a person's Camunda groups become the
 * Spring authorities {@code GROUP_<id>}.
 */
public final class Groups {

  public static final String COORDINATOR = "coordinator";
  public static final String SUPERVISOR = "supervisor";
  public static final String HEAD = "head-of-consumer-protection";
  public static final String LEGAL = "legal";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String AUDITOR = "auditor";
  public static final String INTAKE = "intake";
  /** Operations: reads the metrics and the health details, nothing of the cases. */
  public static final String MONITORING = "monitoring";
  /** Camunda's own administrators' group: the engine lets its members do everything. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final List<String> DEPARTMENTS = List.of("dept-cards", "dept-accounts", "dept-loans",
      "dept-digital", "dept-wealth", "dept-remittance", "dept-collections");

  private static final String AUTHORITY_PREFIX = "GROUP_";

  private Groups() {}

  public static String authority(String group) {
    return AUTHORITY_PREFIX + group;
  }

  /** The group id of an authority {@code GROUP_<id>}, or null for any other authority. */
  public static String ofAuthority(String authority) {
    return authority.startsWith(AUTHORITY_PREFIX) ? authority.substring(AUTHORITY_PREFIX.length()) : null;
  }
}
