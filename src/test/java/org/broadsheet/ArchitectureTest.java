package org.broadsheet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of STYLE.md pointing one way: cli → app → features → web, storage. The features
 * are every package under org.broadsheet but these four, so a new feature is covered the day its
 * folder appears. The rules that say how features meet are tried on a few classes that break them
 * (in architecture/), so a rule that stopped seeing anything would fail too.
 */
class ArchitectureTest {
  private static final Set<String> NOT_FEATURES = Set.of("app", "cli", "web", "storage");
  private static final Code MAIN =
      Code.of(
          "org.broadsheet",
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("org.broadsheet"));
  private static final Code BROKEN =
      Code.of(
          "org.broadsheet.architecture",
          new ClassFileImporter().importPackages("org.broadsheet.architecture"));

  /** Classes under a root package, and the features among its packages. */
  private record Code(String root, JavaClasses classes, List<String> features) {
    static Code of(String root, JavaClasses classes) {
      return new Code(
          root,
          classes,
          classes.getPackage(root).getSubpackages().stream()
              .map(JavaPackage::getRelativeName)
              .filter(name -> !NOT_FEATURES.contains(name))
              .sorted()
              .toList());
    }

    String[] featurePackages() {
      return features.stream().map(name -> root + "." + name + "..").toArray(String[]::new);
    }

    String packageOf(String name) {
      return root + "." + name + "..";
    }

    /** The feature a class belongs to, if it belongs to one. */
    Optional<String> featureOf(JavaClass type) {
      String name = type.getPackageName();
      if (!name.startsWith(root + ".")) {
        return Optional.empty();
      }
      String feature = name.substring(root.length() + 1).split("\\.")[0];
      return features.contains(feature) ? Optional.of(feature) : Optional.empty();
    }
  }

  @Test
  void theFeaturesAreReadFromThePackages() {
    assertThat(MAIN.features()).contains("article", "comment", "media", "importer", "settings");
    assertThat(MAIN.features()).doesNotContain("app", "cli", "web", "storage");
    assertThat(BROKEN.features()).containsExactly("alpha", "beta");
  }

  @Test
  void webAndStorageKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(MAIN.packageOf("web"), MAIN.packageOf("storage"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(MAIN.featurePackages())
        .check(MAIN.classes());
  }

  @Test
  void featuresDoNotReachBackIntoWiringOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(MAIN.featurePackages())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(MAIN.packageOf("app"), MAIN.packageOf("cli"))
        .check(MAIN.classes());
    noClasses()
        .that()
        .resideInAPackage(MAIN.packageOf("app"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(MAIN.packageOf("cli"))
        .check(MAIN.classes());
  }

  @Test
  void storesAreTheirFeaturesOwn() {
    classes().that().haveSimpleNameEndingWith("Store").should().notBePublic().check(MAIN.classes());
  }

  @Test
  void featuresDoNotDependOnEachOtherInCircles() {
    slices().matching("org.broadsheet.(*)..").should().beFreeOfCycles().check(MAIN.classes());
  }

  @Test
  void servicesKnowNothingOfHttp() {
    servicesKnowNothingOfHttp(MAIN).check(MAIN.classes());
    assertBroken(servicesKnowNothingOfHttp(BROKEN), "AlphaService", "io.javalin.http.Context");
  }

  @Test
  void onlyStoresAndStorageTouchJdbi() {
    onlyStoresAndStorageTouchJdbi(MAIN).check(MAIN.classes());
    assertBroken(onlyStoresAndStorageTouchJdbi(BROKEN), "AlphaNotes", "org.jdbi");
  }

  @Test
  void featuresMeetOnlyThroughServicesAndRecords() {
    featuresMeetOnlyThroughServicesAndRecords(MAIN).check(MAIN.classes());
    assertBroken(featuresMeetOnlyThroughServicesAndRecords(BROKEN), "BetaHandler");
  }

  @Test
  void noJavalinTypeCrossesBetweenFeatures() {
    noJavalinTypeCrossesBetweenFeatures(MAIN).check(MAIN.classes());
    assertBroken(noJavalinTypeCrossesBetweenFeatures(BROKEN), "BetaPages.render");
  }

  private static void assertBroken(ArchRule rule, String... named) {
    assertThatThrownBy(() -> rule.check(BROKEN.classes()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContainingAll(named);
  }

  private static ArchRule servicesKnowNothingOfHttp(Code code) {
    return noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");
  }

  private static ArchRule onlyStoresAndStorageTouchJdbi(Code code) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(code.packageOf("storage"))
        .and()
        .haveSimpleNameNotEndingWith("Store")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jdbi..");
  }

  /**
   * A feature uses another through its services and public records, never through its handlers, its
   * wiring or its SQL; only app wires features together.
   */
  private static ArchRule featuresMeetOnlyThroughServicesAndRecords(Code code) {
    return classes()
        .that()
        .resideInAnyPackage(code.featurePackages())
        .should(
            new ArchCondition<JavaClass>(
                "not depend on another feature's handlers, wiring (…Feature) or stores") {
              @Override
              public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = code.featureOf(type);
                type.getDirectDependenciesFromSelf().stream()
                    .filter(
                        dependency -> {
                          JavaClass target = dependency.getTargetClass().getBaseComponentType();
                          Optional<String> theirs = code.featureOf(target);
                          String name = target.getSimpleName();
                          return theirs.isPresent()
                              && !theirs.equals(own)
                              && (name.endsWith("Handler")
                                  || name.endsWith("Feature")
                                  || name.endsWith("Store"));
                        })
                    .forEach(
                        dependency ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    dependency, dependency.getDescription())));
              }
            });
  }

  /** What features hand each other is plain data: no call between two features carries Javalin. */
  private static ArchRule noJavalinTypeCrossesBetweenFeatures(Code code) {
    return classes()
        .that()
        .resideInAnyPackage(code.featurePackages())
        .should(
            new ArchCondition<JavaClass>("call no other feature's code with or for Javalin types") {
              @Override
              public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = code.featureOf(type);
                for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                  Optional<String> theirs = code.featureOf(access.getTargetOwner());
                  if (theirs.isEmpty() || theirs.equals(own)) {
                    continue;
                  }
                  access
                      .getTarget()
                      .resolveMember()
                      .filter(member -> member instanceof JavaCodeUnit)
                      .map(member -> (JavaCodeUnit) member)
                      .filter(ArchitectureTest::carriesJavalin)
                      .ifPresent(
                          unit ->
                              events.add(
                                  SimpleConditionEvent.violated(access, access.getDescription())));
                }
              }
            });
  }

  private static boolean carriesJavalin(JavaCodeUnit unit) {
    return unit.getRawParameterTypes().stream().anyMatch(ArchitectureTest::isJavalin)
        || isJavalin(unit.getRawReturnType());
  }

  private static boolean isJavalin(JavaClass type) {
    return type.getPackageName().startsWith("io.javalin");
  }
}
