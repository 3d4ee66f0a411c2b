package io.disputeflow.support;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The process tests ({@code *ProcessTests}), on the engine of camunda.cfg.xml: that engine and its static state
 * (clock, mocks, engine registry) must not meet the application's, so the build gives them a third test JVM, started
 * when the first of {@link OnH2Suite} and {@link OnPostgreSqlSuite} ends (docs/testing.md).
 */
@Suite
@SuiteDisplayName("on the process tests' engine")
@SelectPackages("io.disputeflow")
@IncludeClassNamePatterns(".*ProcessTests")
public class OnProcessEngineSuite {
}
