package com.bmo.learning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules docs/ARCHITECTURE.md states, over the main classes of every module: dependencies point one
 * way (service → search → ingestion → aws), library modules are framework-free, Lucene and OpenSearch stay
 * inside their backends, and test infrastructure stays out of the production code.
 */
// Main classes only, from target/classes or the modules' jars (what `verify` resolves to).
@AnalyzeClasses(packages = "com.bmo.learning", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String AWS = "com.bmo.learning.aws..";
  private static final String INGESTION = "com.bmo.learning.ingestion..";
  private static final String SEARCH = "com.bmo.learning.search..";
  private static final String SERVICE = "com.bmo.learning.service..";
  private static final String LOCAL = "com.bmo.learning.local..";
  private static final String LOCAL_AWS = "com.bmo.learning.localaws..";
  private static final String CLI = "com.bmo.learning.cli..";

  @ArchTest
  static final ArchRule awsDependsOnNoOtherLayer = noClasses().that().resideInAPackage(AWS)
      .should().dependOnClassesThat().resideInAnyPackage(INGESTION, SEARCH, SERVICE, LOCAL, LOCAL_AWS, CLI);

  @ArchTest
  static final ArchRule ingestionDependsOnlyOnAws = noClasses().that().resideInAPackage(INGESTION)
      .should().dependOnClassesThat().resideInAnyPackage(SEARCH, SERVICE, LOCAL, LOCAL_AWS, CLI);

  @ArchTest
  static final ArchRule searchDoesNotReachUp = noClasses().that().resideInAPackage(SEARCH)
      .should().dependOnClassesThat().resideInAnyPackage(SERVICE, LOCAL, LOCAL_AWS, CLI);

  @ArchTest
  static final ArchRule serviceDoesNotDependOnLocalModeOrTestInfrastructure = noClasses().that()
      .resideInAPackage(SERVICE)
      .should().dependOnClassesThat().resideInAnyPackage(LOCAL, LOCAL_AWS, CLI, "io.zonky..", "org.junit..",
          "com.adobe.testing..");

  @ArchTest
  static final ArchRule cliTalksToTheServiceOnlyOverHttp = noClasses().that().resideInAPackage(CLI)
      .should().dependOnClassesThat().resideInAnyPackage(AWS, INGESTION, SEARCH, SERVICE, LOCAL, LOCAL_AWS);

  @ArchTest
  static final ArchRule libraryModulesAreFrameworkFree = noClasses().that()
      .resideInAnyPackage(AWS, INGESTION, SEARCH)
      .should().dependOnClassesThat().resideInAPackage("org.springframework..");

  /** No JUnit, and none of the test fixtures (learning-test-fixtures) or harness support (test-support). */
  @ArchTest
  static final ArchRule productionCodeHasNoTestInfrastructure = noClasses().that()
      .resideInAnyPackage(AWS, INGESTION, SEARCH, SERVICE, LOCAL, LOCAL_AWS, CLI)
      .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "com.bmo.learning.testfixtures..",
          "com.bmo.learning.testsupport..");

  /** The Lucene backend (search.lucene); the backups (search.backup) reach it only through their interfaces. */
  @ArchTest
  static final ArchRule luceneOnlyInItsBackend = noClasses().that()
      .resideOutsideOfPackage("com.bmo.learning.search.lucene..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

  @ArchTest
  static final ArchRule openSearchOnlyInItsBackend = noClasses().that()
      .resideOutsideOfPackages("com.bmo.learning.search.opensearch..", "com.bmo.learning.opensearch.junit..")
      .should().dependOnClassesThat().resideInAPackage("org.opensearch..");

  /** The service's packages (api, auth, documents, jobs, ops, ...) depend on each other one way only. */
  @ArchTest
  static final ArchRule servicePackagesAreFreeOfCycles = slices()
      .matching("com.bmo.learning.service.(*)..").should().beFreeOfCycles();
}
