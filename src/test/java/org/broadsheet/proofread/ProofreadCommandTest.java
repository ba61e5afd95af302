package org.broadsheet.proofread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `./broadsheet proofread` and `./broadsheet dictionary` as a newsroom runs them: the findings one
 * a line or as JSON, the exit statuses, and the newsroom's dictionary silencing a name.
 */
class ProofreadCommandTest {
  @TempDir static Path folder;
  private static TestSite site;
  private static Path article;

  @BeforeAll
  static void openSite() throws IOException {
    ProofreaderTest.loadModelAndSample();
    site = TestSite.open(Engine.SQLITE);
    article = folder.resolve(ProofreaderTest.SAMPLE_NAME);
    Files.writeString(article, ProofreaderTest.sample);
  }

  @AfterAll
  static void closeSite() {
    site.close();
  }

  @Test
  void printsOneFindingALineAndExitsOne() {
    Cli.Run run = Cli.run(site, "proofread", article.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .contains(
            article
                + ":27:60: goverment: Possible spelling mistake found. (suggestions: government)",
            article + ":2:38: Untill: Possible spelling mistake found. (suggestions: Until)");
    assertThat(run.out().lines()).allMatch(line -> line.startsWith(article + ":"));
  }

  @Test
  void printsJsonForScripts() throws IOException {
    Cli.Run run = Cli.run(site, "proofread", article.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode findings = new ObjectMapper().readTree(run.out());
    assertThat(findings.isArray()).isTrue();
    JsonNode first = findings.get(0);
    assertThat(iterable(first.fieldNames()))
        .containsExactlyInAnyOrder(
            "file", "line", "column", "text", "message", "suggestions", "rule");
    assertThat(first.get("file").asText()).isEqualTo(article.toString());
    assertThat(first.get("line").asInt()).isEqualTo(2);
    assertThat(first.get("column").asInt()).isEqualTo(38);
    assertThat(first.get("text").asText()).isEqualTo("Untill");
    assertThat(first.get("suggestions").get(0).asText()).isEqualTo("Until");
    assertThat(first.get("rule").asText()).isEqualTo("MORFOLOGIK_RULE_EN_GB");
  }

  @Test
  void aNameAddedToTheDictionaryIsNoLongerAFinding() throws IOException {
    try (TestSite own = TestSite.open(Engine.SQLITE)) {
      Path clean = folder.resolve("clean.md");
      Files.writeString(clean, ProofreaderTest.sampleCorrected());

      Cli.Run before = Cli.run(own, "proofread", clean.toString());
      assertThat(before.exitCode()).isEqualTo(1);
      assertThat(before.out()).contains(": Quellhaven: ", ": Tilsgaard: ");

      Cli.Run added = Cli.run(own, "dictionary", "add", "Quellhaven", "Tilsgaard");
      assertThat(added.exitCode()).isZero();
      assertThat(added.out()).contains("added Quellhaven", "added Tilsgaard");

      Cli.Run after = Cli.run(own, "proofread", clean.toString());
      assertThat(after.exitCode()).as(after.out()).isZero();
      assertThat(after.out()).isEmpty();
      assertThat(Cli.run(own, "proofread", clean.toString(), "--json").out().strip())
          .isEqualTo("[ ]");

      Cli.Run removed = Cli.run(own, "dictionary", "remove", "Tilsgaard");
      assertThat(removed.exitCode()).isZero();
      Cli.Run again = Cli.run(own, "proofread", clean.toString());
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.out()).contains(": Tilsgaard: ").doesNotContain(": Quellhaven: ");
    }
  }

  @Test
  void aStoredArticleIsProofreadBySlugWithPositionsInItsBody() throws IOException {
    Path file = folder.resolve("ferry.md");
    Files.writeString(
        file,
        """
        ---
        title: Ferry Crews Retrun to Work
        slug: ferry-crews-return
        ---
        The first ferry left the quay at dawn.
        Crews said the new rota was fair and the strike was ovre.
        """);
    assertThat(Cli.run(site, "import", "markdown", file.toString()).exitCode()).isZero();

    Cli.Run run = Cli.run(site, "proofread", "ferry-crews-return");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .anyMatch(line -> line.startsWith("ferry-crews-return:2:53: ovre: "))
        .anyMatch(line -> line.startsWith("ferry-crews-return#headline:1:13: Retrun: "));
  }

  @Test
  void refusesWhatItCannotProofreadWithExitTwo() throws IOException {
    Path notUtf8 = folder.resolve("latin1.md");
    Files.write(notUtf8, "---\ntitle: Caf\u00e9\n---\nBody.\n".getBytes("ISO-8859-1"));
    Path badFrontMatter = folder.resolve("bad.md");
    Files.writeString(badFrontMatter, "---\ntitle: \"Unclosed\nkicker: [\n---\nBody.\n");
    Path unclosed = folder.resolve("unclosed.md");
    Files.writeString(unclosed, "---\ntitle: Never closed\nBody.\n");

    assertRefused(
        Cli.run(site, "proofread", folder.resolve("missing.md").toString()),
        "missing.md: does not exist");
    assertRefused(Cli.run(site, "proofread", notUtf8.toString()), "is not valid UTF-8 text");
    assertRefused(
        Cli.run(site, "proofread", badFrontMatter.toString()), "front matter is not valid YAML");
    assertRefused(Cli.run(site, "proofread", unclosed.toString()), "is never closed");
    assertRefused(
        Cli.run(site, "proofread", "no-such-article"),
        "no article has the slug \"no-such-article\"");
  }

  @Test
  void aRefusedFileStillLetsTheOthersBeProofread() {
    Cli.Run run =
        Cli.run(site, "proofread", folder.resolve("missing.md").toString(), article.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains(": goverment: ");
  }

  @Test
  void filesAreProofreadWhereThereIsNoSiteButSlugsAreNot() throws IOException {
    Path empty = Files.createDirectory(folder.resolve("no-site"));

    Cli.Run file = Cli.run("proofread", "--data", empty.toString(), article.toString());
    assertThat(file.exitCode()).isEqualTo(1);
    assertThat(file.out()).contains(": goverment: ", ": Quellhaven: ");

    Cli.Run slug = Cli.run("proofread", "--data", empty.toString(), "some-article");
    assertThat(slug.exitCode()).isEqualTo(2);
    assertThat(slug.err()).contains("no site in");
    assertThat(empty.resolve("broadsheet.db")).doesNotExist();
  }

  static Engine[] engines() {
    return TestSite.engines();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void theDictionaryIsKeptInTheSitesDatabase(Engine engine) throws IOException {
    try (TestSite own = TestSite.open(engine, Map.of())) {
      assertThat(Cli.run(own, "dictionary", "add", "Quellhaven", "ez-Zor").exitCode()).isZero();
      assertThat(Cli.run(own, "dictionary", "add", "Quellhaven").out())
          .contains("Quellhaven is in the dictionary already");
      Cli.Run twoWords = Cli.run(own, "dictionary", "add", "Deir ez-Zor");
      assertThat(twoWords.exitCode()).isEqualTo(2);
      assertThat(twoWords.err()).contains("one word at a time");

      assertThat(Cli.run(own, "dictionary", "list").out().lines())
          .containsExactly("ez-Zor", "Quellhaven");
      assertThat(new ObjectMapper().readTree(Cli.run(own, "dictionary", "list", "--json").out()))
          .extracting(JsonNode::asText)
          .containsExactly("ez-Zor", "Quellhaven");

      assertThat(Cli.run(own, "dictionary", "remove", "Nowhere").exitCode()).isEqualTo(1);
      assertThat(Cli.run(own, "dictionary", "remove", "ez-Zor").exitCode()).isZero();
      assertThat(own.application().dictionary().words()).containsExactly("Quellhaven");
    }
  }

  private static void assertRefused(Cli.Run run, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("broadsheet: ").contains(message);
    assertThat(run.out()).isEmpty();
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
