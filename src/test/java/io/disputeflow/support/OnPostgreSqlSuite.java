package io.disputeflow.support;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The build's PostgreSQL run: every test class tagged {@link DatabaseTest} once more, on the embedded
 * PostgreSQL of {@link TestDatabase}. The build runs it in a test JVM of its own while {@link OnH2Suite}
 * runs in another (docs/testing.md).
 */
@Suite
@SuiteDisplayName("on PostgreSQL")
@SelectPackages("io.disputeflow")
@IncludeClassNamePatterns(".*Tests")
@ExcludeClassNamePatterns(".*ProcessTests")
@IncludeTags(DatabaseTest.TAG)
public class OnPostgreSqlSuite {

  @BeforeSuite
  static void selectPostgreSql() {
    System.setProperty(TestDatabase.SELECTION, TestDatabase.POSTGRES);
  }

  @AfterSuite
  static void selectH2Again() {
    System.clearProperty(TestDatabase.SELECTION);
  }
}
