package io.disputeflow.support;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The process tests ({@code *ProcessTests}), on the engine of camunda.cfg.xml: that engine and its static state
 * (clock, mocks, engine registry) must not meet the application's, so the build gives them a third test JVM, started
 * when the first of {@link OnH2Suite} and {@link OnPostgreSqlSuite} ends (docs/testing.md). With them, the longest
 * tests that start no application at all ({@link #NO_APPLICATION}): they need only a JVM, and this one starts about
 * a minute and a half before the H2 suite ends, whose JVM has none to spare.
 */
@Suite
@SuiteDisplayName("on the process tests' engine, and tests without an application")
@SelectPackages("io.disputeflow")
@IncludeClassNamePatterns({OnProcessEngineSuite.PROCESS_TESTS, OnProcessEngineSuite.NO_APPLICATION})
public class OnProcessEngineSuite {

  static final String PROCESS_TESTS = ".*ProcessTests";

  /** Plain JUnit classes (no Spring context, no database), the longest first; {@link OnH2Suite} leaves them out. */
  static final String NO_APPLICATION = "io\\.disputeflow\\.(engine\\.ParsedFeelCacheTests|modeling\\.DiagramLayoutTests"
      + "|intake\\.ClassificationRulesTests|ArchitectureTests|insight\\.EarlyWarningDetectorTests"
      + "|deadline\\.RegulatoryRulesTests|support\\.DatabaseTestTagTests)";
}
