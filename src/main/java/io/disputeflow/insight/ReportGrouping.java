package io.disputeflow.insight;

import io.disputeflow.complaint.Department;
import io.disputeflow.complaint.Product;
import io.disputeflow.deadline.Regime;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What GET /api/reports/summary groups by; each knows its SQL (our constants only) and its labels. */
enum ReportGrouping {
  CATEGORY,
  CHANNEL,
  PRODUCT,
  /** The departments involved (a complaint reviewed by two departments counts in both). */
  DEPARTMENT,
  /** The rules the complaint is handled under (deadline/Regime); NONE for one received before regimes existed. */
  REGIME;

  String groupExpression() {
    return switch (this) {
      case CATEGORY -> "COALESCE(b.category, 'UNCLASSIFIED')";
      case CHANNEL -> "b.channel";
      case PRODUCT -> "b.product";
      case DEPARTMENT -> "d.grp";
      case REGIME -> "COALESCE(b.regime, 'NONE')";
    };
  }

  /** Joins each complaint to every department in its comma-separated departments column. */
  String join() {
    if (this != DEPARTMENT) {
      return "";
    }
    String values = Arrays.stream(Department.values()).map(d -> "('" + d.groupId() + "')")
        .collect(Collectors.joining(", "));
    return " JOIN (VALUES " + values + ") AS d (grp)"
        + " ON POSITION(',' || d.grp || ',' IN ',' || b.departments || ',') > 0";
  }

  String label(String value) {
    try {
      return switch (this) {
        case CATEGORY -> CategoryLabels.of(value);
        case CHANNEL -> value;
        case PRODUCT -> Product.valueOf(value).label();
        case DEPARTMENT -> Department.labelOf(value);
        case REGIME -> "NONE".equals(value) ? "No regime recorded / 未记录监管规则" : Regime.labelOf(value);
      };
    } catch (IllegalArgumentException unknown) {
      return value;
    }
  }
}
