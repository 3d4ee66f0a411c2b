package io.disputeflow.support;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.ExcludePackages;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The build's H2 run: every {@code *Tests} class but the process tests and the longest classes that start no
 * application (a JVM of their own, {@link OnProcessEngineSuite}) and the cluster's (PostgreSQL only:
 * {@link OnPostgreSqlSuite}). The build runs it in one test JVM while {@link OnPostgreSqlSuite} runs in a second
 * (docs/testing.md).
 */
@Suite
@SuiteDisplayName("on H2")
@SelectPackages("io.disputeflow")
@IncludeClassNamePatterns(".*Tests")
@ExcludeClassNamePatterns({OnProcessEngineSuite.PROCESS_TESTS, OnProcessEngineSuite.NO_APPLICATION})
@ExcludePackages("io.disputeflow.cluster")
public class OnH2Suite {
}
