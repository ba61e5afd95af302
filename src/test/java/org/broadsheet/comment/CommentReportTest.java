package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The "Report" link under each published comment, as readers use it. */
class CommentReportTest {
  static Engine[] engines() {
    return TestSite.engines();
  }

  private static List<CommentContext> reported(TestSite site) {
    return site.application()
        .moderation()
        .queue()
        .page(new CommentQueue.Query(CommentQueue.Shelf.REPORTED, null, 1, 50))
        .comments();
  }

  private static HttpResponse<String> report(Reader reader, TestSite site, long id, String reason) {
    return reader.post(
        "/comments/" + id + "/report", Map.of("reason", reason), Map.of("Origin", site.url("")));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aReportPutsTheCommentInTheReportedListWithoutHidingIt(Engine engine) {
    try (TestSite site = CommentTesting.siteWithArticle(engine)) {
      site.application().settings().set("comments.moderation", "none");
      Reader writer = new Reader(site);
      long id =
          idFromLocation(
              writer.comment(ARTICLE, fields("Ann", "ann@example.org", "Tickets at my shop!")));

      Reader reader = new Reader(site);
      Document page = reader.page(ARTICLE);
      String link = page.select("#comment-" + id + " a.report").attr("href");
      assertThat(link).isEqualTo("/comments/" + id + "/report");
      // The page is the same for every reader: the second visit is the cache's.
      assertThat(reader.get(ARTICLE).headers().firstValue("X-Cache")).hasValue("HIT");

      Document form = reader.page(link);
      assertThat(form.select("h1").text()).isEqualTo("Report a comment");
      assertThat(form.select("input[name=reason]")).hasSize(CommentReports.REASONS.size());
      assertThat(form.select("label[for=reason-spam]").text()).isEqualTo("Spam or advertising");

      HttpResponse<String> sent = report(reader, site, id, "spam");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      assertThat(Jsoup.parse(sent.body()).select("h1").text()).isEqualTo("Thank you");
      assertThat(reported(site))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.id()).isEqualTo(id);
                assertThat(c.openReports()).isEqualTo(1);
                assertThat(c.reports()).containsExactly(Map.entry("spam", 1));
              });
      // Reported again from the same address: still one report.
      assertThat(report(reader, site, id, "abuse").statusCode()).isEqualTo(200);
      assertThat(reported(site).getFirst().openReports()).isEqualTo(1);
      assertThat(new Reader(site).page(ARTICLE).getElementById("comment-" + id)).isNotNull();
    }
  }

  @Test
  void reportsFromAnotherSiteWithAnUnknownReasonOrOfHiddenCommentsAreRefused() {
    try (TestSite site = CommentTesting.siteWithArticle(Engine.SQLITE)) {
      site.application().settings().set("comments.moderation", "all");
      long held =
          idFromLocation(
              new Reader(site).comment(ARTICLE, fields("Bob", "bob@example.org", "Held.")));
      site.application().settings().set("comments.moderation", "none");
      long shown =
          idFromLocation(
              new Reader(site).comment(ARTICLE, fields("Ann", "ann@example.org", "Shown.")));
      Reader reader = new Reader(site);

      HttpResponse<String> crossSite =
          reader.post(
              "/comments/" + shown + "/report",
              Map.of("reason", "spam"),
              Map.of("Origin", "https://evil.example"));
      assertThat(crossSite.statusCode()).isEqualTo(403);
      HttpResponse<String> unknownReason = report(reader, site, shown, "because");
      assertThat(unknownReason.statusCode()).isEqualTo(422);
      assertThat(Jsoup.parse(unknownReason.body()).select("[role=alert]").text())
          .contains("choose one of the reasons");
      assertThat(report(reader, site, held, "spam").statusCode()).isEqualTo(404);
      assertThat(reader.get("/comments/" + held + "/report").statusCode()).isEqualTo(404);
      assertThat(reader.get("/comments/999999/report").statusCode()).isEqualTo(404);
      assertThat(reported(site)).isEmpty();

      // No reason is a reason enough.
      assertThat(report(reader, site, shown, "").statusCode()).isEqualTo(200);
      assertThat(reported(site).getFirst().reports()).containsExactly(Map.entry("", 1));
    }
  }

  @Test
  void reportsFromOneAddressAreLimitedPerHour() {
    try (TestSite site = CommentTesting.siteWithArticle(Engine.SQLITE)) {
      site.application().settings().set("comments.moderation", "none");
      site.application().settings().set("comments.reports_per_ip_per_hour", "2");
      Reader writer = new Reader(site);
      long[] ids = new long[3];
      for (int i = 0; i < ids.length; i++) {
        ids[i] =
            idFromLocation(
                writer.comment(
                    ARTICLE, fields("Ann", "ann@example.org", "Point number " + (i + 1) + ".")));
      }
      Reader reader = new Reader(site);
      assertThat(report(reader, site, ids[0], "spam").statusCode()).isEqualTo(200);
      assertThat(report(reader, site, ids[1], "spam").statusCode()).isEqualTo(200);
      HttpResponse<String> limited = report(reader, site, ids[2], "spam");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("3600");
      assertThat(Jsoup.parse(limited.body()).text()).contains("at most 2 an hour");
      assertThat(reported(site)).extracting(CommentContext::id).containsOnly(ids[0], ids[1]);
    }
  }
}
