package io.disputeflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.security.CamundaAuthorizations.Grant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.junit.jupiter.api.Test;

/** The permission table of docs/security.md is the configured one (CamundaAuthorizations.GRANTS), row by row. */
class PermissionTableTests {

  @Test
  void shouldDocumentExactlyTheConfiguredAuthorizations() throws IOException {
    String security = Files.readString(Path.of("docs/security.md"));

    assertThat(security).contains(table());
  }

  /** Groups with the same permissions on a resource share a row; then resources with the same groups and permissions. */
  static String table() {
    Map<List<String>, List<String>> groupsByRight = new LinkedHashMap<>();
    for (Grant grant : CamundaAuthorizations.GRANTS) {
      groupsByRight.computeIfAbsent(List.of(grant.resource().resourceName(), grant.resourceId(), permissions(grant)),
          key -> new ArrayList<>()).add(grant.group());
    }
    List<String[]> rows = new ArrayList<>();
    groupsByRight.forEach((right, groups) -> {
      String groupCell = groups.stream().map(group -> "`" + group + "`").collect(Collectors.joining(", "));
      String[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last != null && last[0].equals(groupCell) && last[2].equals(right.get(1)) && last[3].equals(right.get(2))) {
        last[1] = last[1] + ", " + right.get(0);
      } else {
        rows.add(new String[] {groupCell, right.get(0), right.get(1), right.get(2)});
      }
    });
    StringBuilder table = new StringBuilder("| groups | resource | resource id | permissions |\n|---|---|---|---|\n");
    rows.forEach(row -> table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | `").append(row[2])
        .append("` | ").append(row[3]).append(" |\n"));
    return table.toString();
  }

  private static String permissions(Grant grant) {
    return grant.permissions().stream().map(Permission::getName).collect(Collectors.joining(", "));
  }
}
