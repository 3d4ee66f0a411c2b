package io.disputeflow;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/design.md, held by the build. From the bottom: the shared core
 * ({@code engine}: the only package that uses the engine's internals, {@code org.camunda.bpm.engine.impl};
 * {@code process}: process variables and model keys; {@code refusal}: what a rule refuses, which
 * {@code web} translates to HTTP; {@code time}; {@code logging}: what a case's log lines carry), then
 * {@code security}, then {@code complaint} (the record every feature works on), then the features, then what composes them ({@code casefile},
 * {@code intake}, {@code insight}). Dependencies point down only.
 */
class ArchitectureTests {

  /** The engine's internals: the package of its ProcessEngineImpl (so the Operaton variant's rename follows). */
  private static final String ENGINE_INTERNALS = ProcessEngineImpl.class.getPackageName() + "..";
  private static final String[] CORE = {"io.disputeflow.engine..", "io.disputeflow.process..", "io.disputeflow.refusal..", "io.disputeflow.time..",
      "io.disputeflow.logging.."};
  private static final String[] BELOW_FEATURES = {"io.disputeflow.engine..", "io.disputeflow.process..", "io.disputeflow.refusal..",
      "io.disputeflow.time..", "io.disputeflow.logging..", "io.disputeflow.security..", "io.disputeflow.complaint.."};

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.disputeflow");

  @Test
  void shouldHaveNoCycleBetweenPackages() {
    slices().matching("io.disputeflow.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void shouldKeepTheSharedCoreFreeOfEverythingAboveIt() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat(resideInAPackage("io.disputeflow..").and(not(resideInAnyPackage(CORE))))
        .check(CLASSES);
  }

  @Test
  void shouldKeepTheComplaintRecordFreeOfTheFeaturesThatWorkOnIt() {
    noClasses().that().resideInAnyPackage("io.disputeflow.complaint..", "io.disputeflow.security..")
        .should().dependOnClassesThat(resideInAPackage("io.disputeflow..").and(not(resideInAnyPackage(BELOW_FEATURES))))
        .check(CLASSES);
  }

  @Test
  void shouldLeaveTheTranslationToHttpToWebAlone() {
    noClasses().that().resideOutsideOfPackage("io.disputeflow.web..")
        .should().dependOnClassesThat().resideInAPackage("io.disputeflow.web..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepTheEngineInternalsInTheEngineAdapter() {
    noClasses().that().resideOutsideOfPackage("io.disputeflow.engine..")
        .should().dependOnClassesThat().resideInAPackage(ENGINE_INTERNALS)
        .because("only the engine/ adapter may use the engine's internals; the rest speaks its public API")
        .check(CLASSES);
  }

  @Test
  void shouldKeepTheEngineAdapterAtTheBottom() {
    noClasses().that().resideInAPackage("io.disputeflow.engine..")
        .should().dependOnClassesThat(resideInAPackage("io.disputeflow..").and(not(resideInAPackage("io.disputeflow.engine.."))))
        .because("where the engine needs a feature's rule, the feature hands it in (EngineSetup, DeploymentCheck, ...)")
        .check(CLASSES);
  }
}
