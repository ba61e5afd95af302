package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;
import static org.broadsheet.comment.CommentTesting.with;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Posting comments through the form, on SQLite and PostgreSQL. */
@ParameterizedClass
@MethodSource("org.broadsheet.testing.TestSite#engines")
class CommentPostingTest {
  @Parameter Engine engine;

  private TestSite site;
  private Reader writer;
  private Reader someoneElse;

  @BeforeEach
  void open() {
    site = CommentTesting.siteWithArticle(engine);
    writer = new Reader(site);
    someoneElse = new Reader(site);
  }

  @AfterEach
  void close() {
    site.close();
  }

  private Map<String, String> ada(String text) {
    return fields("Ada Quill", "ada@example.org", text);
  }

  private int storedComments() {
    return site.application().moderation().list(null, null, 1000).size();
  }

  private static Document html(HttpResponse<String> response) {
    return Jsoup.parse(response.body());
  }

  @Test
  void aFirstTimersCommentIsHeldAndVisibleOnlyToItsWriter() {
    HttpResponse<String> posted = writer.comment(ARTICLE, ada("The second round is next week."));
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("location"))
        .hasValueSatisfying(
            l -> assertThat(l).matches("/articles/harbour-vote\\?posted=(\\d+)#comment-\\1"));
    long id = idFromLocation(posted);

    Element own = writer.page(ARTICLE).getElementById("comment-" + id);
    assertThat(own).isNotNull();
    assertThat(own.text()).contains("awaiting moderation", "The second round is next week.");
    assertThat(someoneElse.page(ARTICLE).getElementById("comment-" + id)).isNull();
    assertThat(someoneElse.page(ARTICLE).selectFirst("#comments-heading").text())
        .startsWith("Be the first to comment on");

    Cli.Run approved = Cli.run(site, "comments", "approve", Long.toString(id));
    assertThat(approved.out()).contains(id + ": held -> approved");
    Document page = someoneElse.page(ARTICLE);
    assertThat(page.getElementById("comment-" + id).text()).doesNotContain("awaiting moderation");
    assertThat(page.selectFirst("#comments-heading").text()).startsWith("1 comment on");
    assertThat(someoneElse.page("/").select("a.comment-count").eachText()).contains("1 comment");
  }

  @Test
  void aReturningCommenterIsPublishedAtOnce() {
    long first = idFromLocation(writer.comment(ARTICLE, ada("First.")));
    site.application()
        .moderation()
        .decide(
            org.broadsheet.audit.Actor.commandLine(),
            CommentModeration.Decision.APPROVE,
            List.of(first));
    long second =
        idFromLocation(writer.comment(ARTICLE, fields("Ada Quill", "ADA@example.org", "Second.")));
    Element shown = someoneElse.page(ARTICLE).getElementById("comment-" + second);
    assertThat(shown).isNotNull();
    assertThat(shown.text()).doesNotContain("awaiting moderation");
  }

  @Test
  void moderationSettingHoldsAllOrNone() {
    site.application().settings().set("comments.moderation", "none");
    long open = idFromLocation(writer.comment(ARTICLE, ada("Straight through.")));
    assertThat(someoneElse.page(ARTICLE).getElementById("comment-" + open)).isNotNull();
    site.application().settings().set("comments.moderation", "all");
    long held = idFromLocation(writer.comment(ARTICLE, ada("Waits now.")));
    assertThat(someoneElse.page(ARTICLE).getElementById("comment-" + held)).isNull();
  }

  private void assertRefused(
      HttpResponse<String> response,
      int status,
      String field,
      String message,
      Map<String, String> typed) {
    assertThat(response.statusCode()).isEqualTo(status);
    Document page = html(response);
    Element form = page.selectFirst("form.comment-form");
    assertThat(form).as("the form is shown again").isNotNull();
    String problems = page.select(".form-problems, .problem").text();
    assertThat(problems).contains(message);
    if (field != null) {
      assertThat(form.selectFirst("[aria-invalid=true]").attr("name")).isEqualTo(field);
    }
    assertThat(form.selectFirst("textarea[name=comment]").wholeText())
        .isEqualTo(typed.get("comment"));
    assertThat(form.selectFirst("input[name=name]").val()).isEqualTo(typed.get("name"));
    assertThat(form.selectFirst("input[name=email]").val()).isEqualTo(typed.get("email"));
    assertThat(storedComments()).isZero();
  }

  @Test
  void missingFieldsAreRefusedKeepingWhatWasTyped() {
    Map<String, String> typed = fields("", "ada@example.org", "My carefully written point.");
    assertRefused(writer.comment(ARTICLE, typed), 422, "name", "Please give your name.", typed);
    Map<String, String> noText = fields("Ada", "ada@example.org", "   ");
    assertThat(writer.comment(ARTICLE, noText).statusCode()).isEqualTo(422);
  }

  @Test
  void invalidEmailIsRefused() {
    Map<String, String> typed = fields("Ada", "ada at example", "Point.");
    assertRefused(writer.comment(ARTICLE, typed), 422, "email", "valid email address", typed);
  }

  @Test
  void websiteMustBeAWebAddress() {
    Map<String, String> typed = with(ada("Point."), "website", "javascript:alert(1)");
    assertRefused(writer.comment(ARTICLE, typed), 422, "website", "http:// or https://", typed);
  }

  @Test
  void overlongCommentIsRefusedNamingTheLimit() {
    site.application().settings().set("comments.max_body_chars", "100");
    Map<String, String> typed = ada("x".repeat(101));
    assertRefused(writer.comment(ARTICLE, typed), 422, "comment", "at most 100 characters", typed);
  }

  @Test
  void tooManyLinksAreRefused() {
    site.application().settings().set("comments.max_links", "1");
    Map<String, String> typed = ada("See https://example.org/a and https://example.org/b");
    assertRefused(writer.comment(ARTICLE, typed), 422, "comment", "at most 1", typed);
  }

  @Test
  void filledHoneypotIsRefused() {
    Map<String, String> typed = with(ada("Buy now"), "homepage", "http://spam.example");
    assertRefused(writer.comment(ARTICLE, typed), 422, null, "looked automated", typed);
  }

  @Test
  void postingFasterThanTheMinimumFillTimeIsRefused() {
    site.application().settings().set("comments.min_fill_seconds", "30");
    Map<String, String> typed = ada("Instant reply.");
    assertRefused(writer.comment(ARTICLE, typed), 422, null, "at least 30 seconds", typed);
  }

  @Test
  void aFormFromAnotherSiteIsRefusedAndChangesNothing() {
    Map<String, String> typed = ada("Forged.");
    HttpResponse<String> forged =
        writer.post(ARTICLE + "/comments", typed, Map.of("Origin", "https://evil.example"));
    assertRefused(forged, 403, null, "not sent from this site", typed);
    HttpResponse<String> noOrigin = writer.post(ARTICLE + "/comments", typed, Map.of());
    assertThat(noOrigin.statusCode()).isEqualTo(403);
    assertThat(storedComments()).isZero();
  }

  @Test
  void ratePerIpIsLimitedWith429KeepingTheText() {
    site.application().settings().set("comments.rate_per_ip_per_hour", "2");
    writer.comment(ARTICLE, fields("A", "a@example.org", "One."));
    writer.comment(ARTICLE, fields("B", "b@example.org", "Two."));
    Map<String, String> typed = fields("C", "c@example.org", "Three.");
    HttpResponse<String> limited = writer.comment(ARTICLE, typed);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(html(limited).select(".form-problems").text()).contains("at most 2 an hour");
    assertThat(html(limited).selectFirst("textarea[name=comment]").wholeText()).isEqualTo("Three.");
    assertThat(storedComments()).isEqualTo(2);
  }

  @Test
  void ratePerEmailIsLimited() {
    site.application().settings().set("comments.rate_per_email_per_hour", "1");
    writer.comment(ARTICLE, ada("One."));
    HttpResponse<String> limited = writer.comment(ARTICLE, ada("Two."));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(html(limited).select(".form-problems").text())
        .contains("email address: at most 1 an hour");
  }

  @Test
  void theSameCommentTwiceIsRefused() {
    writer.comment(ARTICLE, ada("Exactly this."));
    HttpResponse<String> again = writer.comment(ARTICLE, ada("Exactly this."));
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(html(again).select(".problem").text()).contains("already posted this comment");
    assertThat(storedComments()).isEqualTo(1);
  }

  @Test
  void closedArticlesTakeNoComments() {
    assertThat(Cli.run(site, "comments", "close", "harbour-vote").exitCode()).isZero();
    HttpResponse<String> refused = writer.comment(ARTICLE, ada("Too late?"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(html(refused).select(".form-problems").text()).contains("closed");
    assertThat(html(refused).selectFirst("textarea[name=comment]").wholeText())
        .isEqualTo("Too late?");
    assertThat(storedComments()).isZero();
    assertThat(writer.page(ARTICLE).select("form.comment-form")).isEmpty();
    assertThat(Cli.run(site, "comments", "open", "harbour-vote").exitCode()).isZero();
    assertThat(writer.comment(ARTICLE, ada("Open again.")).statusCode()).isEqualTo(303);
  }

  @Test
  void commentsCloseOnOldArticles() {
    java.time.Instant threeDaysAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
    site.application()
        .articles()
        .save(
            new org.broadsheet.article.ArticleDraft(
                "old-news",
                "",
                "Old News",
                "",
                "Body.",
                "Politics",
                List.of(),
                List.of("Ada Quill"),
                org.broadsheet.article.ArticleStatus.PUBLISHED,
                threeDaysAgo,
                threeDaysAgo,
                null,
                Map.of(),
                null));
    site.application().settings().set("comments.close_after_days", "2");
    assertThat(writer.comment(ARTICLE, ada("Still open.")).statusCode()).isEqualTo(303);
    HttpResponse<String> closed = writer.comment("/articles/old-news", ada("Too old."));
    assertThat(closed.statusCode()).isEqualTo(403);
    assertThat(html(closed).select(".form-problems").text())
        .contains("Comments close 2 days after");
    assertThat(writer.page("/articles/old-news").select(".comments-closed").text())
        .contains("closed");
  }

  @Test
  void blockedWordsHoldBlockedEmailsGoToSpamAndBlockedAddressesAreRefused() {
    site.application().settings().set("comments.moderation", "none");
    site.application().settings().set("comments.blocked_words", "casino, pills");
    long held = idFromLocation(writer.comment(ARTICLE, ada("Best CASINO in town")));
    assertThat(site.application().comments().find(held).orElseThrow().status())
        .isEqualTo(CommentStatus.HELD);

    site.application().settings().set("comments.blocked_emails", "@spam.example");
    long spam = idFromLocation(writer.comment(ARTICLE, fields("S", "x@spam.example", "Hello")));
    assertThat(site.application().comments().find(spam).orElseThrow().status())
        .isEqualTo(CommentStatus.SPAM);

    site.application().settings().set("comments.blocked_ips", "127.0.0.0/8");
    Map<String, String> typed = ada("From a blocked network.");
    HttpResponse<String> refused = writer.comment(ARTICLE, typed);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(html(refused).select(".form-problems").text())
        .contains("cannot be posted from your network");
  }

  @Test
  void websitesAreLinkedAsUserContentAndEmailsNeverShown() {
    site.application().settings().set("comments.moderation", "none");
    long id =
        idFromLocation(
            writer.comment(ARTICLE, with(ada("With a site."), "website", "kestrel.example.org")));
    Element comment = someoneElse.page(ARTICLE).getElementById("comment-" + id);
    Element link = comment.selectFirst(".comment-author a");
    assertThat(link.attr("href")).isEqualTo("https://kestrel.example.org");
    assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
    assertThat(someoneElse.get(ARTICLE).body()).doesNotContain("ada@example.org");
  }

  @Test
  void repliesNestToTheConfiguredDepthThenSayWhomTheyAnswer() {
    site.application().settings().set("comments.moderation", "none");
    site.application().settings().set("comments.max_depth", "2");
    long first =
        idFromLocation(writer.comment(ARTICLE, fields("Ann", "ann@example.org", "Level one.")));
    long second =
        idFromLocation(
            writer.comment(
                ARTICLE,
                with(
                    fields("Bob", "bob@example.org", "Level two."),
                    "replyto",
                    Long.toString(first))));
    long third =
        idFromLocation(
            writer.comment(
                ARTICLE,
                with(
                    fields("Cy", "cy@example.org", "Level three."),
                    "replyto",
                    Long.toString(second))));

    Document page = someoneElse.page(ARTICLE);
    Element top = page.getElementById("comment-" + first);
    assertThat(top.select("> ol.children > li").eachAttr("id"))
        .containsExactly("comment-" + second, "comment-" + third);
    assertThat(page.getElementById("comment-" + third).selectFirst(".in-reply-to").text())
        .isEqualTo("in reply to Bob");
    assertThat(page.getElementById("comment-" + second).selectFirst("a.reply").attr("href"))
        .isEqualTo(ARTICLE + "?replyto=" + second + "#respond");
    assertThat(writer.page(ARTICLE + "?replyto=" + first).selectFirst(".replying-to").text())
        .contains("Replying to Ann");
  }

  @Test
  void markdownSubsetIsRenderedAndEverythingElseShownAsText() {
    site.application().settings().set("comments.moderation", "none");
    String text =
        "# Not a heading\n\n*emphasis* and `code` and [a link](https://example.org)\n\n> quoted\n\n<b>bold?</b>";
    long id = idFromLocation(writer.comment(ARTICLE, ada(text)));
    Element body =
        someoneElse.page(ARTICLE).getElementById("comment-" + id).selectFirst(".comment-text");
    assertThat(body.select("h1, h2, b")).isEmpty();
    assertThat(body.text()).contains("# Not a heading", "<b>bold?</b>");
    assertThat(body.selectFirst("em").text()).isEqualTo("emphasis");
    assertThat(body.selectFirst("code").text()).isEqualTo("code");
    assertThat(body.selectFirst("blockquote").text()).isEqualTo("quoted");
    assertThat(body.selectFirst("a").attr("rel").split(" "))
        .containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
  }

  @Test
  void feedsCarryApprovedCommentsOnly() {
    site.application().settings().set("comments.moderation", "none");
    writer.comment(ARTICLE, ada("In the feed."));
    site.application().settings().set("comments.moderation", "all");
    writer.comment(ARTICLE, fields("Bo", "bo@example.org", "Held, not in the feed."));
    for (String feed : List.of(ARTICLE + "/comments.atom", "/comments.atom")) {
      HttpResponse<String> response = someoneElse.get(feed);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
      Document atom = Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
      assertThat(atom.select("entry")).hasSize(1);
      assertThat(atom.selectFirst("entry > author > name").text()).isEqualTo("Ada Quill");
      assertThat(response.body()).doesNotContain("ada@example.org", "Held, not in the feed");
    }
  }
}
