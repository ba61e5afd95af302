package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.app.Application;
import org.broadsheet.audit.Actor;
import org.broadsheet.media.MediaService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The desk's stores on SQLite and on a real PostgreSQL, through the services its pages ask. */
class DeskOnBothEnginesTest {
  private static final Actor EDITOR = Actor.person("ed@harbour.example", "203.0.113.9");

  static Engine[] engines() {
    return TestSite.engines();
  }

  private static void publish(Application app, String slug, String section, int minutesAgo) {
    Instant at = Instant.now().minusSeconds(60L * minutesAgo);
    app.articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                "Headline of " + slug,
                "",
                "Body.",
                section,
                List.of(),
                List.of("Ada Quill"),
                ArticleStatus.PUBLISHED,
                at,
                at,
                null,
                Map.of(),
                null));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void picksSectionsAndAuthorProfilesAreStoredAndRead(Engine engine) {
    try (TestSite site = TestSite.open(engine)) {
      Application app = site.application();
      publish(app, "first", "Politics", 30);
      publish(app, "second", "Transport", 20);
      publish(app, "third", "Politics", 10);

      CurationService curation =
          new CurationService(app.database(), app.audit(), Clock.systemUTC());
      assertThat(curation.change(EDITOR, CurationService.Change.PIN, "first"))
          .isInstanceOf(DeskOutcome.Done.class);
      curation.change(EDITOR, CurationService.Change.ADD, "/articles/second");
      curation.change(EDITOR, CurationService.Change.ADD, "third");
      curation.change(EDITOR, CurationService.Change.UP, "third");
      assertThat(curation.picks().lead().slug()).isEqualTo("first");
      assertThat(curation.picks().top())
          .extracting(ArticleSummary::slug)
          .containsExactly("third", "second");
      ArticleService.FrontPageContent front = app.articles().frontPage();
      assertThat(front.lead().slug()).isEqualTo("first");
      assertThat(front.latest())
          .extracting(ArticleSummary::slug)
          .containsExactly("third", "second");

      SectionService sections = new SectionService(app.database(), app.audit(), Clock.systemUTC());
      assertThat(sections.describe(EDITOR, "politics", "Politics", "Votes and budgets."))
          .isInstanceOf(DeskOutcome.Done.class);
      assertThat(sections.add(EDITOR, "Weather", "", "Skies."))
          .isInstanceOf(DeskOutcome.Done.class);
      assertThat(sections.move(EDITOR, "weather", -1)).isInstanceOf(DeskOutcome.Done.class);
      assertThat(sections.all())
          .extracting(Section::slug)
          .containsExactly("politics", "weather", "transport");
      assertThat(app.articles().section("politics").orElseThrow().description())
          .isEqualTo("Votes and budgets.");
      assertThat(sections.add(EDITOR, "Weather", "", "")).isInstanceOf(DeskOutcome.Refused.class);

      AuthorService authors =
          new AuthorService(
              app.database(),
              app.audit(),
              new MediaService(app.database(), site.dataFolder()),
              Clock.systemUTC());
      assertThat(
              authors.describe(
                  EDITOR,
                  "ada-quill",
                  new AuthorService.Profile(
                      "Covers the council.", "Council reporter", "Budgets, Planning", "")))
          .isInstanceOf(DeskOutcome.Done.class);
      Author ada = app.articles().author("ada-quill").orElseThrow();
      assertThat(ada.jobTitle()).isEqualTo("Council reporter");
      assertThat(ada.expertise()).containsExactly("Budgets", "Planning");
      assertThat(ada.photo()).isNull();
      assertThat(authors.describe(EDITOR, "nobody", new AuthorService.Profile("", "", "", "")))
          .isInstanceOf(DeskOutcome.NotFound.class);

      assertThat(app.audit().actions())
          .contains("front.pin", "front.up", "section.add", "author.edit");
    }
  }
}
