package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.broadsheet.article.Actor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `articles`: lists in every state, moves through the workflow, refuses bad input with exit 2. */
class ArticlesCommandTest {
  private TestSite site;

  @BeforeEach
  void open() {
    site = TestSite.open(Engine.SQLITE);
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    Stories.file(
        site,
        "quay-repairs",
        "Quay Repairs Begin",
        "Coast",
        List.of("Harbour"),
        "Tove Brenn",
        ArticleStatus.DRAFT,
        dayAgo);
    Stories.file(
        site,
        "ferry-timetable",
        "Winter Ferry Timetable",
        "Coast",
        List.of("Ferries"),
        "Tove Brenn",
        ArticleStatus.PUBLISHED,
        dayAgo);
  }

  @AfterEach
  void close() {
    site.close();
  }

  private DeskArticle desk(String slug) {
    return site.application().articles().desk(slug).orElseThrow();
  }

  private static void assertRefused(Cli.Run run, String message) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("broadsheet: ").contains(message);
  }

  private List<String> audit() {
    return site.application()
        .database()
        .read(
            tx ->
                tx.handle()
                    .createQuery("SELECT action, subject, actor FROM audit_event ORDER BY id")
                    .map(
                        (rs, ctx) ->
                            rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                    .list());
  }

  @Test
  void listShowsEveryStateOrOneAndJsonForScripts() throws Exception {
    Cli.Run all = Cli.run(site, "articles", "list");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out())
        .containsPattern(
            "draft +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  quay-repairs +Quay Repairs Begin")
        .containsPattern("published +\\S+ \\S+  ferry-timetable +Winter Ferry Timetable");

    Cli.Run drafts = Cli.run(site, "articles", "list", "--status", "draft");
    assertThat(drafts.out()).contains("quay-repairs").doesNotContain("ferry-timetable");
    assertThat(Cli.run(site, "articles", "list", "--status", "in review").out())
        .isEqualTo("No articles are in-review.\n");

    Cli.Run json = Cli.run(site, "articles", "list", "--status", "published", "--json");
    assertThat(json.exitCode()).isZero();
    JsonNode rows = new ObjectMapper().readTree(json.out());
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("slug").asText()).isEqualTo("ferry-timetable");
    assertThat(row.get("status").asText()).isEqualTo("published");
    assertThat(row.get("headline").asText()).isEqualTo("Winter Ferry Timetable");
    assertThat(row.get("section").asText()).isEqualTo("Coast");
    assertThat(row.get("authors").get(0).asText()).isEqualTo("tove-brenn");
    assertThat(Instant.parse(row.get("publishedAt").asText())).isBefore(Instant.now());
    assertThat(row.get("version").asLong()).isEqualTo(1);

    assertRefused(
        Cli.run(site, "articles", "list", "--status", "archived"),
        "no state \"archived\"; it must be draft, in-review, scheduled, published, unpublished or"
            + " trash");
  }

  @Test
  void publishUnpublishTrashAndRestoreAreKeptInTheAuditLogAndTheRevisions() {
    Cli.Run published = Cli.run(site, "articles", "publish", "quay-repairs");
    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out()).isEqualTo("Published quay-repairs.\n");
    assertThat(desk("quay-repairs").status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(site.application().articles().published("quay-repairs")).isPresent();

    assertThat(Cli.run(site, "articles", "unpublish", "quay-repairs").out())
        .isEqualTo("Unpublished quay-repairs.\n");
    assertThat(site.application().articles().published("quay-repairs")).isEmpty();
    assertThat(Cli.run(site, "articles", "trash", "quay-repairs").out())
        .isEqualTo("Moved quay-repairs to the trash.\n");
    assertThat(Cli.run(site, "articles", "restore", "quay-repairs").out())
        .isEqualTo("Restored quay-repairs from the trash as a draft.\n");
    assertThat(desk("quay-repairs").status()).isEqualTo(ArticleStatus.DRAFT);

    String operator = "command line (" + System.getProperty("user.name", "unknown") + ")";
    assertThat(audit())
        .containsExactly(
            "article.publish quay-repairs " + operator,
            "article.unpublish quay-repairs " + operator,
            "article.trash quay-repairs " + operator,
            "article.restore quay-repairs " + operator);
    assertThat(site.application().articles().revisions(desk("quay-repairs").id()))
        .extracting(r -> r.actor() + ": " + r.what())
        .containsExactly(
            operator + ": restored from the trash",
            operator + ": moved to the trash",
            operator + ": unpublished",
            operator + ": published",
            "import: imported");
  }

  @Test
  void historyListsTheRevisionsAndDiffComparesTwo() throws Exception {
    long id = desk("quay-repairs").id();
    ArticleService.Editable stored = site.application().articles().editable(id).orElseThrow();
    ArticleDraft d = stored.draft();
    site.application()
        .articles()
        .update(
            id,
            stored.version(),
            new ArticleDraft(
                d.slug(),
                d.kicker(),
                "Quay Repairs Begin at Dawn",
                d.standfirst(),
                d.body() + "\n\nWork starts at six.",
                d.sectionName(),
                d.tags(),
                d.authorNames(),
                d.status(),
                d.publishedAt(),
                d.updatedAt(),
                d.leadImageId(),
                d.figureImageIds(),
                d.sourcePath()),
            Actor.person(4, "desk@harbour.example"));

    Cli.Run history = Cli.run(site, "articles", "history", "quay-repairs");
    assertThat(history.exitCode()).as(history.err()).isZero();
    List<String> lines = history.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("v2", "desk@harbour.example", "edited");
    assertThat(lines.get(1)).contains("v1", "import", "imported");

    JsonNode rows =
        new ObjectMapper()
            .readTree(Cli.run(site, "articles", "history", "quay-repairs", "--json").out());
    long newer = rows.get(0).get("id").asLong();
    long older = rows.get(1).get("id").asLong();
    assertThat(rows.get(0).get("what").asText()).isEqualTo("edited");

    Cli.Run diff = Cli.run(site, "articles", "diff", Long.toString(newer), Long.toString(older));
    assertThat(diff.exitCode()).as(diff.err()).isZero();
    assertThat(diff.out())
        .contains(
            "From revision " + older + " (v1) to revision " + newer + " (v2):",
            "Headline:\n- Quay Repairs Begin\n+ Quay Repairs Begin at Dawn\n",
            "Body:\n",
            "+Work starts at six.");
    assertRefused(
        Cli.run(site, "articles", "diff", Long.toString(newer), "999999"),
        "revisions " + newer + " and 999999 are not two revisions of one article");
    assertRefused(
        Cli.run(site, "articles", "history", "no-such-story"),
        "no article has the slug \"no-such-story\"");
  }

  @Test
  void scheduleTakesATimeInTheSitesZoneOrWithAnOffset() {
    site.application().settings().set("site.time_zone", "Europe/Oslo");
    // Noon in two days: never inside the hour that repeats or is skipped when clocks change.
    java.time.ZoneId oslo = java.time.ZoneId.of("Europe/Oslo");
    java.time.LocalDateTime noon = java.time.LocalDate.now(oslo).plusDays(2).atTime(12, 0);
    Instant later = noon.atZone(oslo).toInstant();
    String local = noon.toString().replace('T', ' ');
    Cli.Run scheduled = Cli.run(site, "articles", "schedule", "quay-repairs", local);
    assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
    assertThat(scheduled.out())
        .isEqualTo("Scheduled quay-repairs for " + local + " Europe/Oslo.\n");
    assertThat(desk("quay-repairs").status()).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(desk("quay-repairs").publishedAt()).isEqualTo(later);

    Instant sooner = later.minus(Duration.ofHours(1));
    assertThat(
            Cli.run(
                    site,
                    "articles",
                    "schedule",
                    "quay-repairs",
                    sooner.toString().replace("Z", "+00:00"))
                .exitCode())
        .isZero();
    assertThat(desk("quay-repairs").publishedAt()).isEqualTo(sooner);
  }

  @Test
  void anArticleWhosePictureHasNoCreditIsNotPublishedOrScheduled(@TempDir Path folder)
      throws Exception {
    Path story = Stories.withPicture(folder, "uncredited", Color.BLUE);
    Files.writeString(
        story,
        """
        ---
        title: "Keepers Without Credit"
        slug: uncredited
        status: draft
        image:
          path: images/uncredited.png
          alt: A pattern of blue and white squares.
        ---
        Body.
        """);
    Cli.Run imported = Cli.run(site, "import", "markdown", story.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    assertRefused(
        Cli.run(site, "articles", "publish", "uncredited"),
        "The lead picture has no credit; an article is published only when each of its pictures"
            + " has both");
    assertRefused(
        Cli.run(site, "articles", "schedule", "uncredited", "2999-01-01 08:00"),
        "The lead picture has no credit");
    assertThat(desk("uncredited").status()).isEqualTo(ArticleStatus.DRAFT);
  }

  @Test
  void badInputIsOneLineOnStandardErrorExitTwoAndChangesNothing() {
    long version = desk("quay-repairs").version();
    assertRefused(
        Cli.run(site, "articles", "publish", "no-such-story"),
        "no article has the slug \"no-such-story\"");
    assertRefused(
        Cli.run(site, "articles", "unpublish", "quay-repairs"),
        "a draft cannot be moved to unpublished");
    assertRefused(
        Cli.run(site, "articles", "restore", "quay-repairs"),
        "only an article in the trash can be restored; \"quay-repairs\" is draft");
    assertRefused(
        Cli.run(site, "articles", "publish", "ferry-timetable"),
        "an article that is published cannot be moved to published");
    assertRefused(
        Cli.run(site, "articles", "schedule", "quay-repairs", "next tuesday"),
        "\"next tuesday\" is not a time; write it as 2026-12-01 08:00 (in UTC)");
    assertRefused(
        Cli.run(site, "articles", "schedule", "quay-repairs", "2001-01-01 08:00"),
        "the time to publish at has passed; publish the article now instead");

    assertThat(desk("quay-repairs").status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(desk("quay-repairs").version()).isEqualTo(version);
    assertThat(desk("ferry-timetable").version()).isEqualTo(1);
    assertThat(audit()).isEmpty();
  }
}
