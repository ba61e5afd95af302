package org.broadsheet.proofread;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the editor asks of the proofreader: fields as typed, suggestions applied, findings kept. */
class DraftProofreadingTest {
  private static final Proofreader PROOFREADER = Proofreader.withoutSite(Map.of());

  @BeforeAll
  static void loadModel() {
    PROOFREADER.awaitModel();
  }

  private static List<Finding> check(Map<String, String> fields, List<IgnoredFinding> ignored) {
    return switch (PROOFREADER.checkDraft(fields, ignored)) {
      case Proofreading.Checked checked -> checked.findings();
      case Proofreading.Refused refused -> throw new AssertionError(refused.reason());
    };
  }

  @Test
  void eachFieldIsCheckedByItsNameAndTheBodyAsMarkdown() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("headline", "Ferry servise resumes");
    fields.put("body", "The `servise` flag is code.\r\n\r\nCrews arived at the quay at dawn.");
    List<Finding> findings = check(fields, List.of());

    assertThat(findings)
        .extracting(Finding::file, Finding::line, Finding::column, Finding::text)
        .contains(
            org.assertj.core.groups.Tuple.tuple("headline", 1, 7, "servise"),
            org.assertj.core.groups.Tuple.tuple("body", 3, 7, "arived"));
    assertThat(findings).noneMatch(f -> f.file().equals("body") && f.line() == 1);
    Finding headline = findings.stream().filter(f -> f.file().equals("headline")).findFirst().get();
    assertThat(PROOFREADER.isSpelling(headline)).isTrue();
    assertThat(headline.suggestions()).contains("service");
  }

  @Test
  void aSuggestionIsAppliedWhereItsFindingPointsAndOnlyIfTheWordsAreStillThere() {
    String body = "First line.\r\nCrews retuned to the quay — at dawn.";
    assertThat(Suggestion.apply(body, 2, 7, "retuned", "returned"))
        .contains("First line.\r\nCrews returned to the quay — at dawn.");
    // The writer changed the words meanwhile, or the place is gone: nothing is replaced.
    assertThat(Suggestion.apply("Crews came back.", 1, 7, "retuned", "returned")).isEmpty();
    assertThat(Suggestion.apply(body, 9, 1, "retuned", "returned")).isEmpty();
    assertThat(Suggestion.apply(body, 1, 400, "retuned", "returned")).isEmpty();
    // Columns count characters, as findings do: an emoji is one.
    assertThat(Suggestion.apply("🌊 servise", 1, 3, "servise", "service")).contains("🌊 service");
  }

  @Test
  void anIgnoredFindingStaysIgnoredInItsArticleOnly() {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      IgnoredFindings ignored =
          new IgnoredFindings(site.application().database(), Clock.systemUTC());
      long one =
          site.application().articles().idOf("lower-quay-evacuation-agreement").orElseThrow();
      Map<String, String> fields = Map.of("headline", "Ferry servise resumes");
      Finding finding = check(fields, List.of()).getFirst();

      assertThat(ignored.ignore(one, IgnoredFinding.of(finding)))
          .isEqualTo(IgnoredFindings.Outcome.IGNORED);
      assertThat(ignored.ignore(one, IgnoredFinding.of(finding)))
          .isEqualTo(IgnoredFindings.Outcome.ALREADY_IGNORED);
      assertThat(ignored.ignore(one, new IgnoredFinding("RULE", "x".repeat(201))))
          .isEqualTo(IgnoredFindings.Outcome.REFUSED);
      assertThat(check(fields, ignored.in(one))).isEmpty();
      assertThat(check(fields, ignored.in(one + 1))).hasSize(1);
    }
  }
}
