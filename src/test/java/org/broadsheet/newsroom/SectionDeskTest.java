package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.DeskTesting.audited;
import static org.broadsheet.newsroom.DeskTesting.post;
import static org.broadsheet.newsroom.DeskTesting.publish;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SectionDeskTest {
  private static final String EDITOR = "ed@harbour.example";
  private static final String SECTIONS = "/newsroom/sections";
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    publish(site, "night-ferry", "Night Ferry Timetable Returns", 10, "Transport");
    add(site, EDITOR, "editor");
    add(site, "reporter@harbour.example", "reporter");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private static List<String> navigation(Reader reader) {
    return reader.page("/").select("nav.sections a:not([href=/])").eachText();
  }

  private HttpResponse<String> send(Reader reader, Map<String, String> fields) {
    return post(reader, site, SECTIONS, SECTIONS, fields);
  }

  @Test
  void anEditedSectionShowsOnItsPageAndInTheNavigationAtOnce() {
    Reader readers = new Reader(site);
    assertThat(navigation(readers)).containsExactly("Politics", "Transport");
    assertThat(readers.page("/section/politics").select(".listing-description").text())
        .isEqualTo("The latest from Politics.");
    Reader editor = signedIn(site, EDITOR);

    HttpResponse<String> saved =
        send(
            editor,
            Map.of(
                "action",
                "save",
                "slug",
                "politics",
                "name",
                "Council & Politics",
                "description",
                "Votes, budgets and the people who make them."));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

    Document section = readers.page("/section/politics");
    assertThat(section.select("h1").text()).isEqualTo("Council & Politics");
    assertThat(section.select(".listing-description").text())
        .isEqualTo("Votes, budgets and the people who make them.");
    assertThat(section.select("meta[name=description]").attr("content"))
        .isEqualTo("Votes, budgets and the people who make them.");
    assertThat(navigation(readers)).containsExactly("Council & Politics", "Transport");
    assertThat(
            readers
                .page("/articles/harbour-vote")
                .select("nav.sections a:not([href=/])")
                .eachText())
        .contains("Council & Politics");

    assertThat(send(editor, Map.of("action", "down", "slug", "politics")).statusCode())
        .isEqualTo(200);
    assertThat(navigation(readers)).containsExactly("Transport", "Council & Politics");

    HttpResponse<String> added =
        send(
            editor,
            Map.of(
                "action", "add", "name", "Weather", "slug", "", "description", "Skies and tides."));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(navigation(readers)).containsExactly("Transport", "Council & Politics", "Weather");
    assertThat(readers.page("/section/weather").select(".listing-description").text())
        .isEqualTo("Skies and tides.");
    assertThat(send(editor, Map.of("action", "up", "slug", "weather")).statusCode()).isEqualTo(200);
    assertThat(navigation(readers)).containsExactly("Transport", "Weather", "Council & Politics");

    assertThat(audited(site, "section"))
        .extracting(e -> e.action() + " " + e.subject() + " " + e.detail() + " by " + e.actor())
        .containsExactly(
            "section.move weather 3 -> 2 by " + EDITOR,
            "section.add weather Weather by " + EDITOR,
            "section.move politics 1 -> 2 by " + EDITOR,
            "section.edit politics Politics -> Council & Politics by " + EDITOR);
  }

  @Test
  void badInputIsRefusedWithWhatWasTypedKept() {
    Reader editor = signedIn(site, EDITOR);
    String long301 = "x".repeat(301);
    HttpResponse<String> refused =
        send(
            editor,
            Map.of(
                "action", "save", "slug", "politics", "name", "Politics", "description", long301));
    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = parse(refused);
    assertThat(page.select(".form-problems").text()).contains("at most 300");
    assertThat(page.select("#description-politics").text()).isEqualTo(long301);
    assertThat(page.select("#description-politics").attr("aria-invalid")).isEqualTo("true");

    HttpResponse<String> taken =
        send(
            editor,
            Map.of("action", "add", "name", "Transport", "slug", "", "description", "Again"));
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(parse(taken).select(".form-problems").text())
        .contains("Another section has the slug \"transport\"");
    assertThat(parse(taken).select("#description-new").text()).isEqualTo("Again");

    HttpResponse<String> nameless =
        send(editor, Map.of("action", "save", "slug", "politics", "name", " ", "description", ""));
    assertThat(nameless.statusCode()).isEqualTo(422);
    assertThat(parse(nameless).select("#name-politics").attr("aria-invalid")).isEqualTo("true");

    assertThat(send(editor, Map.of("action", "up", "slug", "politics")).statusCode())
        .isEqualTo(422);
    assertThat(navigation(new Reader(site))).containsExactly("Politics", "Transport");
    assertThat(audited(site, "section")).isEmpty();
  }

  @Test
  void aReporterIsRefusedAndNothingChanges() {
    Reader reporter = signedIn(site, "reporter@harbour.example");
    assertThat(reporter.get(SECTIONS).statusCode()).isEqualTo(403);
    HttpResponse<String> refused =
        send(
            reporter,
            Map.of("action", "save", "slug", "politics", "name", "Mine", "description", ""));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(send(reporter, Map.of("action", "down", "slug", "politics")).statusCode())
        .isEqualTo(403);
    assertThat(navigation(new Reader(site))).containsExactly("Politics", "Transport");
    assertThat(audited(site, "section")).isEmpty();
  }
}
