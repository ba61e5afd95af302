package org.broadsheet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of STYLE.md pointing one way: cli → app → features → web, storage. */
class ArchitectureTest {
  private static final JavaClasses CODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.broadsheet");
  private static final String[] FEATURES = {
    "org.broadsheet.article..",
    "org.broadsheet.comment..",
    "org.broadsheet.media..",
    "org.broadsheet.importer..",
    "org.broadsheet.settings..",
    "org.broadsheet.demo..",
    "org.broadsheet.backup..",
    "org.broadsheet.feed..",
    "org.broadsheet.sitemap..",
    "org.broadsheet.icon.."
  };

  @Test
  void webAndStorageKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("org.broadsheet.web..", "org.broadsheet.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(CODE);
  }

  @Test
  void featuresDoNotReachBackIntoWiringOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.broadsheet.app..", "org.broadsheet.cli..")
        .check(CODE);
    noClasses()
        .that()
        .resideInAPackage("org.broadsheet.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.broadsheet.cli..")
        .check(CODE);
  }

  @Test
  void storesAreTheirFeaturesOwn() {
    classes().that().haveSimpleNameEndingWith("Store").should().notBePublic().check(CODE);
  }

  @Test
  void featuresDoNotDependOnEachOtherInCircles() {
    slices().matching("org.broadsheet.(*)..").should().beFreeOfCycles().check(CODE);
  }
}
