package io.disputeflow.complaint;

import io.disputeflow.security.Groups;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which groups a case is open to, besides those who handle or oversee every case: the departments
 * asked to review it, and legal counsel when its opinion is needed. The one rule behind what a
 * department or legal counsel may read of a complaint (casefile.ComplaintDisclosure) and of its
 * evidence documents.
 */
public final class CaseAccess {

  /** Those who handle or oversee cases: every case's file, documents included. */
  public static final Set<String> CASE_FILE_READERS = Set.of(Groups.COORDINATOR, Groups.SUPERVISOR, Groups.HEAD,
      Groups.AUDITOR);

  private CaseAccess() {}

  /** A department asked to review the case, or legal counsel on a case that needs its opinion. */
  public static boolean reviews(Collection<String> departments, Boolean legalNeeded, Set<String> groups) {
    return departments.stream().anyMatch(groups::contains)
        || groups.contains(Groups.LEGAL) && Boolean.TRUE.equals(legalNeeded);
  }

  /** Whether these groups may read the case's evidence documents. */
  public static boolean mayReadDocuments(ComplaintRecord complaint, Set<String> groups) {
    return groups.stream().anyMatch(CASE_FILE_READERS::contains)
        || reviews(departments(complaint), complaint.legalNeeded(), groups);
  }

  public static Set<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority).map(Groups::ofAuthority)
        .filter(Objects::nonNull).collect(Collectors.toSet());
  }

  private static Set<String> departments(ComplaintRecord complaint) {
    return complaint.departments() == null || complaint.departments().isBlank() ? Set.of()
        : Arrays.stream(complaint.departments().split(",")).map(String::trim).collect(Collectors.toSet());
  }
}
