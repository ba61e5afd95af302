package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of public page passes the Nu HTML checker (vnu.jar, from npm) without an error. */
class HtmlValidityTest {
  @TempDir Path folder;

  @Test
  void everyKindOfPageIsValidHtml() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      // Pages of 20 comments, so the demo's long thread has a later page of its own.
      site.application().settings().set("comments.per_page", "20");
      site.serve();
      String commentPage = "/articles/lower-quay-evacuation-agreement/comments?page=2";
      Reader reader = new Reader(site);
      String replyOnPage =
          reader.page(commentPage).selectFirst("a.reply").attr("href").replaceAll("#.*", "");
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("front", "/");
      pages.put("article", "/articles/lower-quay-evacuation-agreement");
      pages.put("empty-comments", "/articles/halden-observatory-comet");
      pages.put("reply-form", "/articles/lower-quay-evacuation-agreement?replyto=1");
      pages.put("sources-and-corrections", "/articles/council-budget-vote");
      pages.put("comment-page", commentPage);
      pages.put("comment-page-reply", replyOnPage);
      pages.put("section", "/section/world");
      pages.put("tag", "/tag/kestrelmouth");
      pages.put("author", "/author/mirela-odsson");
      pages.put("corrections", "/corrections");
      pages.put("principles", "/about/principles");
      pages.put("contact", "/about/contact");
      pages.put("search", "/search?q=flood");
      pages.put("not-found", "/no/such/page");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(
          List.of("-jar", NodeTools.vnu().toString(), "--errors-only", "--format", "text"));
      awaitSearchIndex(site);
      for (Map.Entry<String, String> page : pages.entrySet()) {
        Path file = folder.resolve(page.getKey() + ".html");
        String html = reader.get(page.getValue()).body();
        // The head's feed, icon and manifest links are checked with the rest of the page.
        assertThat(html)
            .as(page.getKey())
            .contains("rel=\"alternate\"", "rel=\"icon\"", "rel=\"manifest\"");
        Files.writeString(file, html);
        command.add(file.toString());
      }
      Path refused = folder.resolve("refused-comment.html");
      Files.writeString(
          refused,
          reader
              .comment(
                  "/articles/halden-observatory-comet",
                  Map.of("name", "", "email", "bad", "comment", "<b>x</b>"))
              .body());
      command.add(refused.toString());
      // A first comment waiting for a moderator, as its writer sees it.
      Reader writer = new Reader(site);
      String posted =
          writer
              .comment(
                  "/articles/halden-observatory-comet",
                  Map.of("name", "Ada", "email", "ada@example.org", "comment", "Clear skies?"))
              .headers()
              .firstValue("location")
              .orElseThrow()
              .replaceAll("#.*", "");
      String held = writer.get(posted).body();
      assertThat(held).contains("Your comment, awaiting moderation");
      Path heldFile = folder.resolve("held-comment.html");
      Files.writeString(heldFile, held);
      command.add(heldFile.toString());

      Path failedSearch = folder.resolve("search-refused.html");
      Files.writeString(failedSearch, reader.get("/search?q=flood&from=never").body());
      command.add(failedSearch.toString());

      // The newsroom's pages: signed out, refused, signed in as an administrator.
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "chief@example.org",
              "--name",
              "Mira Chief",
              "--role",
              "administrator");
      assertThat(added.exitCode()).as(added.err()).isZero();
      Reader journalist = new Reader(site);
      Map<String, String> newsroom = new java.util.LinkedHashMap<>();
      newsroom.put("sign-in", journalist.get("/newsroom/sign-in").body());
      newsroom.put("forgot-password", journalist.get("/newsroom/forgot-password").body());
      Map<String, String> form = new java.util.LinkedHashMap<>();
      org.jsoup.Jsoup.parse(newsroom.get("sign-in"))
          .select("main form input[type=hidden]")
          .forEach(input -> form.put(input.attr("name"), input.attr("value")));
      form.put("email", "chief@example.org");
      form.put("password", "not the password");
      newsroom.put(
          "sign-in-refused",
          journalist.post("/newsroom/sign-in", form, Map.of("Origin", site.url(""))).body());
      newsroom.put(
          "form-not-accepted", journalist.post("/newsroom/sign-in", form, Map.of()).body());
      form.put("password", "a long enough password");
      assertThat(
              journalist
                  .post("/newsroom/sign-in", form, Map.of("Origin", site.url("")))
                  .statusCode())
          .isEqualTo(303);
      newsroom.put("newsroom", journalist.get("/newsroom").body());
      newsroom.put("audit", journalist.get("/newsroom/audit").body());
      newsroom.put("articles", journalist.get("/newsroom/articles").body());
      String blank = journalist.get("/newsroom/articles/new").body();
      newsroom.put("new-article", blank);
      Map<String, String> article = new java.util.LinkedHashMap<>();
      org.jsoup.Jsoup.parse(blank)
          .select("form.editor-form input[type=hidden]")
          .forEach(input -> article.put(input.attr("name"), input.attr("value")));
      article.put("section", "Local");
      article.put("type", "news");
      article.put("body", "A line.\n\n> A quote.");
      article.put("slug", "Not a slug");
      newsroom.put(
          "article-refused",
          journalist
              .post("/newsroom/articles/new", article, Map.of("Origin", site.url("")))
              .body());
      article.put("headline", "Valid Pages of the Desk");
      article.put("slug", "");
      String editor =
          journalist
              .post("/newsroom/articles/new", article, Map.of("Origin", site.url("")))
              .headers()
              .firstValue("Location")
              .orElseThrow()
              .replaceAll("\\?.*", "");
      newsroom.put("editor", journalist.get(editor).body());
      newsroom.put("preview", journalist.get(editor + "/preview").body());
      String revision =
          org.jsoup.Jsoup.parse(journalist.get(editor + "/revisions").body())
              .select("input[name=from]")
              .attr("value");
      newsroom.put(
          "revisions",
          journalist.get(editor + "/revisions?from=" + revision + "&to=" + revision).body());
      newsroom.put("corrections", journalist.get(editor + "/corrections").body());
      newsroom.put("people", journalist.get("/newsroom/users").body());
      newsroom.put("pictures", journalist.get("/newsroom/pictures").body());
      newsroom.put("pictures-none-found", journalist.get("/newsroom/pictures?q=zzzz").body());
      String picture = journalist.get("/newsroom/pictures/1").body();
      newsroom.put("picture", picture);
      Map<String, String> edit = new java.util.LinkedHashMap<>();
      org.jsoup.Jsoup.parse(picture)
          .select("main form input[type=hidden]")
          .forEach(input -> edit.put(input.attr("name"), input.attr("value")));
      edit.put("expires", "soon");
      edit.put("credit", "x".repeat(301));
      newsroom.put(
          "picture-refused",
          journalist.post("/newsroom/pictures/1", edit, Map.of("Origin", site.url(""))).body());
      newsroom.put("settings", journalist.get("/newsroom/settings").body());
      newsroom.put("trust", journalist.get("/newsroom/trust").body());
      Map<String, String> setting = new java.util.LinkedHashMap<>(edit);
      setting.put("key", "site.page_size");
      setting.put("value", "500");
      newsroom.put(
          "settings-refused",
          journalist.post("/newsroom/settings", setting, Map.of("Origin", site.url(""))).body());
      for (Map.Entry<String, String> page : newsroom.entrySet()) {
        Path file = folder.resolve("newsroom-" + page.getKey() + ".html");
        Files.writeString(file, page.getValue());
        command.add(file.toString());
      }

      Process vnu = new ProcessBuilder(command).redirectErrorStream(true).start();
      String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(vnu.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(report).as("vnu.jar report").doesNotContain("error:");
      assertThat(vnu.exitValue()).as(report).isZero();
    }
  }

  /** The search page is checked with its results, once the new site's index is built. */
  static void awaitSearchIndex(TestSite site) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (site.get("/search?q=flood").statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
