package io.disputeflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.disputeflow.support.DecisionRowRecorder;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The coverage floor holds per model, not per test class: after the process tests (the Maven execution
 * {@code model-coverage} runs this right after {@code process-tests}), every process of every model in
 * {@code processes/} must be covered to {@link #FLOOR} by all process test classes together. A model that
 * no process test deploys, or whose coverage cannot be calculated, fails the build instead of passing
 * unnoticed, as a per-class floor lets it. And every row of every decision table was matched by some
 * test ({@link #everyDecisionRowIsMatchedByATest()}).
 */
class EveryModelCoveredCheck {

  static final double FLOOR = 0.9;
  private static final Path REPORTS = Paths.get("target", "process-test-coverage");
  private static final Pattern DECISION = Pattern.compile("<decision\\s[^>]*\\bid=\"([^\"]+)\"(.*?)</decision>",
      Pattern.DOTALL);
  private static final Pattern RULE_ID = Pattern.compile("<rule\\s[^>]*\\bid=\"([^\"]+)\"");
  private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn2?:)?process\\s[^>]*\\bid=\"([^\"]+)\"");

  @Test
  void everyModelIsCoveredToTheFloorByTheProcessTests() throws IOException {
    CoverageStateResult coverage = allReports();
    TreeMap<String, Model> models = new TreeMap<>();
    coverage.getModels().forEach(model -> models.put(model.getKey(), model));

    List<String> faults = new ArrayList<>();
    for (String process : processesInModels()) {
      Model model = models.get(process);
      if (model == null) {
        faults.add(process + ": no process test deploys it");
        continue;
      }
      double covered = coverage.calculateCoverage(model);
      if (Double.isNaN(covered) || model.getTotalElementCount() == 0) {
        faults.add(process + ": coverage could not be calculated");
      } else if (covered < FLOOR) {
        faults.add(String.format("%s: %.1f %% covered, the floor is %.0f %%", process, covered * 100, FLOOR * 100));
      }
    }
    assertThat(faults).as("models below the coverage floor (reports in %s)", REPORTS).isEmpty();
  }

  /**
   * Every rule of every decision table in {@code processes/decisions} was matched by at least one test:
   * the application tests and the process tests record the rows they hit (support/DecisionRowRecorder).
   * A row no test reaches is either untested law or dead (shadowed by the rows above it).
   */
  @Test
  void everyDecisionRowIsMatchedByATest() throws IOException {
    Set<String> matched = new TreeSet<>();
    Path rows = Paths.get(DecisionRowRecorder.FOLDER);
    assertThat(rows).as("the rows the tests matched").isDirectory();
    try (Stream<Path> files = Files.list(rows)) {
      for (Path file : files.toList()) {
        matched.addAll(Files.readAllLines(file));
      }
    }
    List<String> unmatched = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Paths.get("processes", "decisions"))) {
      for (Path dmn : files.filter(path -> path.toString().endsWith(".dmn")).sorted().toList()) {
        Matcher decision = DECISION.matcher(Files.readString(dmn));
        while (decision.find()) {
          Matcher rule = RULE_ID.matcher(decision.group(2));
          while (rule.find()) {
            String row = decision.group(1) + " " + rule.group(1);
            if (!matched.contains(row)) {
              unmatched.add(dmn.getFileName() + ": " + row);
            }
          }
        }
      }
    }
    assertThat(unmatched).as("decision rows no test matched (%d rows matched)", matched.size()).isEmpty();
  }

  /** The process tests' reports combined, as if one suite had run them all. */
  private static CoverageStateResult allReports() throws IOException {
    assertThat(REPORTS).as("the process tests' coverage reports").isDirectory();
    String combined = null;
    try (Stream<Path> files = Files.walk(REPORTS, 2)) {
      for (Path report : files.filter(path -> path.getFileName().toString().equals("report.json")).toList()) {
        String json = Files.readString(report);
        combined = combined == null ? json : CoverageStateJsonExporter.combineCoverageStateResults(combined, json);
      }
    }
    assertThat(combined).as("a coverage report of at least one process test in %s", REPORTS).isNotNull();
    return CoverageStateJsonExporter.readCoverageStateResult(combined);
  }

  /** Each executable process id of every BPMN file the application deploys. */
  private static List<String> processesInModels() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Paths.get("processes"))) {
      for (Path bpmn : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        Matcher matcher = PROCESS_ID.matcher(Files.readString(bpmn));
        while (matcher.find()) {
          ids.add(matcher.group(1));
        }
      }
    }
    assertThat(ids).as("processes in processes/").isNotEmpty();
    return ids;
  }
}
