package io.disputeflow.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The build's PostgreSQL run selects test classes by {@link DatabaseTest} (docs/testing.md). A test that
 * needs a database of its own without the tag would never meet PostgreSQL, and a cluster test (left out
 * of the H2 run) would never run at all: these rules fail first.
 */
class DatabaseTestTagTests {

  private static final JavaClasses TESTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
      .importPackages("io.disputeflow");

  private static final DescribedPredicate<JavaClass> TEST_CLASSES =
      DescribedPredicate.describe("are test classes (*Tests)", c -> c.getSimpleName().endsWith("Tests"));

  @Test
  void shouldTagEveryClusterTestWhichRunsOnlyOnPostgreSql() {
    classes().that().resideInAPackage("io.disputeflow.cluster..").and(TEST_CLASSES)
        .should().beAnnotatedWith(DatabaseTest.class)
        .check(TESTS);
  }

  @Test
  void shouldTagEveryTestThatOpensADatabaseOfItsOwn() {
    classes().that(TEST_CLASSES).and(DescribedPredicate.describe("open a database of their own (TestDatabase)",
            (JavaClass c) -> c.getMethodCallsFromSelf().stream().anyMatch(call ->
                call.getTargetOwner().isEquivalentTo(TestDatabase.class)
                    && !call.getName().equals("postgresSelected"))))
        .should().beAnnotatedWith(DatabaseTest.class)
        .check(TESTS);
  }
}
