package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.article.Correction;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editors add, change and withdraw an article's corrections in the newsroom; readers see them. */
class CorrectionsDeskTest {
  private TestSite site;
  private long article;
  private String page;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    NewsroomTesting.add(site, "ed@harbour.example", "editor");
    NewsroomTesting.add(site, "rep@harbour.example", "reporter");
    article = site.application().articles().idOf("harbour-vote").orElseThrow();
    page = "/newsroom/articles/" + article + "/corrections";
  }

  @AfterEach
  void close() {
    site.close();
  }

  private HttpResponse<String> send(Reader reader, Map<String, String> fields, String origin) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", NewsroomTesting.hiddenFields(reader, "/newsroom").get("csrf"));
    form.putAll(fields);
    return reader.post(page, form, Map.of("Origin", origin));
  }

  private Correction only() {
    return site.application()
        .corrections()
        .list("harbour-vote", 10)
        .orElseThrow()
        .getFirst()
        .correction();
  }

  @Test
  void anEditorAddsChangesAndWithdrawsACorrectionAndReadersSeeEachAtOnce() {
    Reader ed = NewsroomTesting.signedIn(site, "ed@harbour.example");
    // Readers have the page in the cache before the correction.
    site.get(NewsroomTesting.ARTICLE);
    HttpResponse<String> added =
        send(
            ed,
            Map.of(
                "op", "add",
                "kind", "correction",
                "text", "An earlier version gave the wrong date for the vote.",
                "date", ""),
            site.url(""));
    assertThat(added.statusCode()).isEqualTo(303);
    Document article = Jsoup.parse(site.get(NewsroomTesting.ARTICLE).body());
    assertThat(article.select("#corrections").text()).contains("wrong date for the vote");
    assertThat(Jsoup.parse(site.get("/corrections").body()).text())
        .contains("wrong date for the vote");

    long id = only().id();
    assertThat(
            send(
                    ed,
                    Map.of(
                        "op", "edit",
                        "correction", Long.toString(id),
                        "kind", "correction",
                        "text", "An earlier version gave the wrong day for the vote.",
                        "reason", "Day, not date"),
                    site.url(""))
                .statusCode())
        .isEqualTo(303);
    assertThat(Jsoup.parse(site.get(NewsroomTesting.ARTICLE).body()).select("#corrections").text())
        .contains("wrong day for the vote");
    // A change needs its reason: refused, the typed text kept, nothing changed.
    HttpResponse<String> noReason =
        send(
            ed,
            Map.of(
                "op", "edit",
                "correction", Long.toString(id),
                "kind", "correction",
                "text", "Something else entirely.",
                "reason", ""),
            site.url(""));
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(only().text()).isEqualTo("An earlier version gave the wrong day for the vote.");

    assertThat(
            send(
                    ed,
                    Map.of("op", "withdraw", "correction", Long.toString(id), "reason", "Wrong"),
                    site.url(""))
                .statusCode())
        .isEqualTo(303);
    assertThat(Jsoup.parse(site.get(NewsroomTesting.ARTICLE).body()).select("#corrections"))
        .isEmpty();
    Document desk = ed.page(page);
    assertThat(desk.select(".desk-corrections").text())
        .contains("withdrawn: Wrong", "it said: An earlier version gave the wrong date");
    assertThat(
            site.application()
                .audit()
                .search(
                    new org.broadsheet.audit.AuditQuery(
                        "ed@harbour.example", "correction", null, null, 1, 50))
                .entries())
        .extracting(e -> e.action())
        .contains("correction.add", "correction.edit", "correction.withdraw");
  }

  @Test
  void aReporterSeesButCannotChangeAndForgedFormsChangeNothing() {
    Reader rep = NewsroomTesting.signedIn(site, "rep@harbour.example");
    assertThat(rep.get(page).statusCode()).isEqualTo(200);
    assertThat(rep.page(page).select("form[action=" + page + "]")).isEmpty();
    assertThat(
            send(
                    rep,
                    Map.of("op", "add", "kind", "update", "text", "Not mine to add."),
                    site.url(""))
                .statusCode())
        .isEqualTo(403);
    Reader ed = NewsroomTesting.signedIn(site, "ed@harbour.example");
    assertThat(
            send(
                    ed,
                    Map.of("op", "add", "kind", "update", "text", "Forged."),
                    "https://evil.example")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(ed, Map.of("op", "add", "kind", "rumour", "text", "Unknown kind."), site.url(""))
                .statusCode())
        .isEqualTo(422);
    assertThat(site.application().corrections().list("harbour-vote", 10).orElseThrow()).isEmpty();
  }
}
