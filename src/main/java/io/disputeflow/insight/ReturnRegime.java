package io.disputeflow.insight;

import static io.disputeflow.figures.Measure.CLOSED_WITHDRAWN;
import static io.disputeflow.figures.Measure.OPENED;
import static io.disputeflow.figures.Measure.REDRESS_PAID_COUNT;
import static io.disputeflow.figures.Measure.RESOLVED;
import static io.disputeflow.figures.Measure.RESOLVED_AFTER_8_WEEKS;
import static io.disputeflow.figures.Measure.RESOLVED_EXTENDED;
import static io.disputeflow.figures.Measure.RESOLVED_ON_TIME;
import static io.disputeflow.figures.Measure.RESOLVED_REVERIFIED;
import static io.disputeflow.figures.Measure.RESOLVED_REVERIFIED_REVISED;
import static io.disputeflow.figures.Measure.RESOLVED_UPHELD;
import static io.disputeflow.figures.Measure.RESOLVED_WITHIN_3_BUSINESS_DAYS;
import static io.disputeflow.figures.Measure.RESOLVED_WITHIN_8_WEEKS;

import io.disputeflow.complaint.Product;
import io.disputeflow.figures.Dimension;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The regulatory returns: which complaints each counts (by the regime they are handled under), its
 * period, its breakdowns and its figures, each a sum or difference of the daily figures' return measures
 * (docs/reports.md defines each). A new figure is one more entry; a new event kind a new measure first.
 */
enum ReturnRegime {
  CN_CBIRC_2020("CN-CBIRC-2020", Set.of("CN-CBIRC-2020"), List.of(ReturnPeriod.Kind.QUARTER),
      List.of(Section.PRODUCT, Section.CATEGORY, Section.CHANNEL), figures(
          "received", m(OPENED),
          "resolved", m(RESOLVED),
          "resolvedOnTime", m(RESOLVED_ON_TIME),
          "resolvedLate", minus(RESOLVED, RESOLVED_ON_TIME),
          "extended", m(RESOLVED_EXTENDED),
          "upheld", m(RESOLVED_UPHELD),
          "reverificationRequested", m(RESOLVED_REVERIFIED),
          "reverificationChanged", m(RESOLVED_REVERIFIED_REVISED),
          "withdrawn", m(CLOSED_WITHDRAWN),
          "redressPaid", m(REDRESS_PAID_COUNT))),
  UK_FCA_DISP("UK-FCA-DISP", Set.of("UK-FCA-DISP", "UK-FCA-DISP-PSD"), List.of(ReturnPeriod.Kind.HALF_YEAR),
      List.of(Section.FCA_PRODUCT_GROUP), figures(
          "opened", m(OPENED),
          "closed", m(RESOLVED),
          "closedWithin3BusinessDays", m(RESOLVED_WITHIN_3_BUSINESS_DAYS),
          "closedAfter3BusinessDaysWithin8Weeks", m(RESOLVED_WITHIN_8_WEEKS),
          "closedAfter8Weeks", m(RESOLVED_AFTER_8_WEEKS),
          "upheld", m(RESOLVED_UPHELD),
          "redressPaid", m(REDRESS_PAID_COUNT))),
  US_CFPB("US-CFPB", Set.of("US-CFPB", "US-REG-E", "US-REG-Z"),
      List.of(ReturnPeriod.Kind.QUARTER, ReturnPeriod.Kind.MONTH), List.of(Section.PRODUCT), figures(
          "received", m(OPENED),
          "responses", m(RESOLVED),
          "timelyResponses", m(RESOLVED_ON_TIME),
          "untimelyResponses", minus(RESOLVED, RESOLVED_ON_TIME)));

  final String code;
  final Set<String> complaintRegimes;
  final List<ReturnPeriod.Kind> periods;
  final List<Section> sections;
  final Map<String, ToLongFunction<Map<String, Long>>> figures;

  ReturnRegime(String code, Set<String> complaintRegimes, List<ReturnPeriod.Kind> periods, List<Section> sections,
      Map<String, ToLongFunction<Map<String, Long>>> figures) {
    this.code = code;
    this.complaintRegimes = complaintRegimes;
    this.periods = periods;
    this.sections = sections;
    this.figures = figures;
  }

  static Optional<ReturnRegime> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(code.trim())).findFirst();
  }

  Optional<ReturnPeriod> period(String code) {
    return periods.stream().map(kind -> kind.parse(code.trim().toUpperCase(java.util.Locale.ROOT)))
        .flatMap(Optional::stream).findFirst();
  }

  /** A breakdown of a return: the daily figures' dimension it reads and the group each value falls in. */
  enum Section {
    PRODUCT(Dimension.RETURN_PRODUCT),
    CATEGORY(Dimension.RETURN_CATEGORY),
    CHANNEL(Dimension.RETURN_CHANNEL),
    /** The FCA's product groups, from our products (docs/reports.md has the mapping). */
    FCA_PRODUCT_GROUP(Dimension.RETURN_PRODUCT);

    final Dimension dimension;

    Section(Dimension dimension) {
      this.dimension = dimension;
    }

    String groupOf(String value) {
      if (this != FCA_PRODUCT_GROUP) {
        return value;
      }
      return switch (value) {
        case "MORTGAGE" -> "HOME_FINANCE";
        case "WEALTH_MANAGEMENT" -> "INVESTMENTS";
        default -> "BANKING_AND_CREDIT_CARDS";
      };
    }

    String label(String group) {
      try {
        return switch (this) {
          case PRODUCT -> Product.valueOf(group).label();
          case CATEGORY -> CategoryLabels.of(group);
          case CHANNEL -> group;
          case FCA_PRODUCT_GROUP -> switch (group) {
            case "HOME_FINANCE" -> "Home finance";
            case "INVESTMENTS" -> "Investments";
            default -> "Banking and credit cards";
          };
        };
      } catch (IllegalArgumentException unknown) {
        return group;
      }
    }
  }

  private static ToLongFunction<Map<String, Long>> m(String measure) {
    return m -> get(m, measure);
  }

  private static ToLongFunction<Map<String, Long>> minus(String measure, String less) {
    return m -> get(m, measure) - get(m, less);
  }

  static long get(Map<String, Long> measures, String measure) {
    return measures.getOrDefault(measure, 0L);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ToLongFunction<Map<String, Long>>> figures(Object... pairs) {
    Map<String, ToLongFunction<Map<String, Long>>> figures = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      figures.put((String) pairs[i], (ToLongFunction<Map<String, Long>>) pairs[i + 1]);
    }
    return figures;
  }
}
