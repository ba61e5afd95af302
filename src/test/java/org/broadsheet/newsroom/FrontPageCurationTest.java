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
import org.broadsheet.app.Application;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.CurationService;
import org.broadsheet.article.DeskOutcome;
import org.broadsheet.audit.Actor;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FrontPageCurationTest {
  private static final String EDITOR = "ed@harbour.example";
  private static final String FRONT = "/newsroom/front";
  private static final String HARBOUR = "Harbour Vote Goes to a Second Round";
  private static final String FERRY = "Night Ferry Timetable Returns";
  private static final String MARKET = "Fish Market Moves Indoors for Winter";
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    publish(site, "night-ferry", FERRY, 10, "Transport");
    publish(site, "fish-market", MARKET, 120, "Business");
    add(site, EDITOR, "editor");
    add(site, "reporter@harbour.example", "reporter");
    add(site, "moderator@harbour.example", "moderator");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private static String lead(Reader reader) {
    return reader.page("/").select(".lead-headline").text();
  }

  private static List<String> latest(Reader reader) {
    return reader.page("/").select(".latest .summary-headline").stream()
        .map(Element::text)
        .toList();
  }

  private HttpResponse<String> change(Reader reader, String change, String article) {
    return post(reader, site, FRONT, FRONT, Map.of("change", change, "article", article));
  }

  @Test
  void editorsPinTheLeadAndOrderTheTopStoriesAndTheFrontPageFollowsAtOnce() {
    Reader readers = new Reader(site);
    assertThat(lead(readers)).isEqualTo(FERRY);
    assertThat(latest(readers)).containsExactly(HARBOUR, MARKET);
    Reader editor = signedIn(site, EDITOR);

    HttpResponse<String> pinned = change(editor, "pin", "fish-market");
    assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
    assertThat(parse(pinned).select(".newsroom-notice").text()).contains("Pinned");
    assertThat(lead(readers)).isEqualTo(MARKET);

    // An article may be named by its address, as copied from the browser.
    assertThat(change(editor, "add", site.url("/articles/night-ferry")).statusCode())
        .isEqualTo(200);
    assertThat(change(editor, "add", "/articles/harbour-vote").statusCode()).isEqualTo(200);
    assertThat(latest(readers)).containsExactly(FERRY, HARBOUR);
    assertThat(change(editor, "down", "night-ferry").statusCode()).isEqualTo(200);
    assertThat(latest(readers)).containsExactly(HARBOUR, FERRY);
    assertThat(change(editor, "up", "night-ferry").statusCode()).isEqualTo(200);
    assertThat(latest(readers)).containsExactly(FERRY, HARBOUR);

    Document desk = editor.page(FRONT);
    assertThat(desk.select("h2:contains(Lead story) + p").text()).contains(MARKET);
    assertThat(desk.select("ol.desk-list > li > a").eachText()).containsExactly(FERRY, HARBOUR);

    assertThat(change(editor, "unpin", "").statusCode()).isEqualTo(200);
    assertThat(change(editor, "remove", "night-ferry").statusCode()).isEqualTo(200);
    // Unpinned, the newest article leads again; the remaining pick comes first below it.
    assertThat(lead(readers)).isEqualTo(FERRY);
    assertThat(latest(readers)).containsExactly(HARBOUR, MARKET);

    assertThat(audited(site, "front"))
        .extracting(e -> e.action() + " " + e.subject() + " by " + e.actor())
        .containsExactly(
            "front.remove night-ferry by " + EDITOR,
            "front.unpin  by " + EDITOR,
            "front.up night-ferry by " + EDITOR,
            "front.down night-ferry by " + EDITOR,
            "front.add harbour-vote by " + EDITOR,
            "front.add night-ferry by " + EDITOR,
            "front.pin fish-market by " + EDITOR);
    assertThat(audited(site, "front.down").getFirst().detail())
        .isEqualTo("lead: fish-market; top: harbour-vote, night-ferry");
  }

  @Test
  void aChangeMadeOnAnotherNodeDropsTheCachedFrontPage() {
    HttpResponse<String> cached = site.get("/");
    for (int tries = 0; tries < 20 && !"HIT".equals(xCache(cached)); tries++) {
      cached = site.get("/");
    }
    assertThat(xCache(cached)).isEqualTo("HIT");
    // Another process on the same database, as a second node or the command line would be.
    try (Application other = Application.open(site.application().location())) {
      DeskOutcome outcome =
          new CurationService(other.database(), other.audit(), java.time.Clock.systemUTC())
              .change(Actor.commandLine(), CurationService.Change.PIN, "fish-market");
      assertThat(outcome).isInstanceOf(DeskOutcome.Done.class);
    }
    assertThat(lead(new Reader(site))).isEqualTo(MARKET);
  }

  private static String xCache(HttpResponse<String> response) {
    return response.headers().firstValue("x-cache").orElse("");
  }

  @Test
  void aPinnedArticleThatIsUnpublishedDropsOut() {
    Reader editor = signedIn(site, EDITOR);
    change(editor, "pin", "fish-market");
    change(editor, "add", "harbour-vote");
    Reader readers = new Reader(site);
    assertThat(lead(readers)).isEqualTo(MARKET);

    DeskTesting.save(site, "fish-market", MARKET, 120, "Business", ArticleStatus.DRAFT);
    DeskTesting.save(site, "harbour-vote", HARBOUR, 60, "Politics", ArticleStatus.DRAFT);

    assertThat(lead(readers)).isEqualTo(FERRY);
    assertThat(readers.page("/").text()).doesNotContain(MARKET).doesNotContain(HARBOUR);
    Document desk = editor.page(FRONT);
    assertThat(desk.text()).contains("Not pinned").contains("None picked");
  }

  @Test
  void reportersAndModeratorsAreRefusedAndNothingChanges() {
    for (String email : List.of("reporter@harbour.example", "moderator@harbour.example")) {
      Reader someone = signedIn(site, email);
      assertThat(someone.get(FRONT).statusCode()).isEqualTo(403);
      HttpResponse<String> refused = change(someone, "pin", "fish-market");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("Not allowed");
    }
    assertThat(lead(new Reader(site))).isEqualTo(FERRY);
    assertThat(audited(site, "front")).isEmpty();
    assertThat(new Reader(site).get(FRONT).statusCode()).isEqualTo(303);
  }

  @Test
  void aRefusedChangeSaysWhyKeepsWhatWasTypedAndChangesNothing() {
    Reader editor = signedIn(site, EDITOR);
    HttpResponse<String> refused = change(editor, "pin", "no-such-story");
    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = parse(refused);
    assertThat(page.select(".form-problems").text())
        .contains("No published article has the slug \"no-such-story\"");
    assertThat(page.select("#front-article").attr("value")).isEqualTo("no-such-story");
    assertThat(page.select("#front-article").attr("aria-invalid")).isEqualTo("true");

    for (int i = 0; i < 3; i++) {
      publish(site, "extra-" + i, "Extra Story Number " + i, 200 + i, "Politics");
    }
    for (String slug :
        List.of("night-ferry", "fish-market", "harbour-vote", "extra-0", "extra-1", "extra-2")) {
      assertThat(change(editor, "add", slug).statusCode()).isEqualTo(200);
    }
    publish(site, "seventh", "A Seventh Story", 300, "Politics");
    HttpResponse<String> full = change(editor, "add", "seventh");
    assertThat(full.statusCode()).isEqualTo(422);
    assertThat(parse(full).select(".form-problems").text()).contains("At most 6 top stories");

    HttpResponse<String> forged =
        editor.post(
            FRONT,
            Map.of("change", "pin", "article", "seventh", "csrf", "forged"),
            Map.of("Origin", site.url("")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(lead(new Reader(site))).isEqualTo(FERRY);
    assertThat(audited(site, "front.pin")).isEmpty();
  }
}
