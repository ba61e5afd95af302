package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A long conversation: 500 comments (450 top-level, 50 replies) paged without JavaScript, 50
 * top-level comments to a page, every comment's permalink landing on the page that holds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentPagingTest {
  private static final String PAGES = ARTICLE + "/comments?page=";

  private TestSite site;
  private Reader reader;
  private final List<Long> topLevel = new ArrayList<>();
  private final List<Long> replies = new ArrayList<>();

  @BeforeAll
  void open() {
    site = CommentTesting.siteWithArticle(Engine.SQLITE);
    reader = new Reader(site);
    long article = site.application().articles().published("harbour-vote").orElseThrow().id();
    Instant start = Instant.now().minusSeconds(100_000);
    List<CommentService.Seed> seeds = new ArrayList<>();
    String lastTop = null;
    for (int i = 0; i < 500; i++) {
      boolean reply = i % 10 == 9;
      String key = "c" + i;
      seeds.add(
          new CommentService.Seed(
              key,
              reply ? lastTop : null,
              "Reader " + i,
              "reader" + i + "@example.org",
              "",
              "Comment number " + i + ".",
              start.plusSeconds(i * 60L)));
      if (!reply) {
        lastTop = key;
      }
    }
    site.application().comments().seed(article, seeds);
    for (Comment comment : site.application().comments().recentApproved(article, 1000).reversed()) {
      (comment.parentId() == null ? topLevel : replies).add(comment.id());
    }
  }

  @AfterAll
  void close() {
    site.close();
  }

  private static List<Element> topLevelComments(Document page) {
    return page.select("ol.comment-list > li.comment");
  }

  @Test
  void theArticleShowsTheFirstPageAndLinksTheNext() {
    assertThat(topLevel).hasSize(450);
    Document page = reader.page(ARTICLE);
    List<Element> shown = topLevelComments(page);
    assertThat(shown).hasSize(50);
    assertThat(shown.getFirst().id()).isEqualTo("comment-" + topLevel.getFirst());
    assertThat(page.select("li.comment")).hasSize(50 + 5);
    assertThat(page.selectFirst("nav.comment-pages").text()).contains("Comments page 1 of 9");
    assertThat(page.selectFirst("nav.comment-pages a[rel=next]").attr("href"))
        .isEqualTo(PAGES + "2#comments");
    assertThat(page.selectFirst("#comments-heading").text()).startsWith("500 comments on");
  }

  @Test
  void laterPagesHaveTheirOwnCachedAddress() {
    HttpResponse<String> first = site.get(PAGES + "3");
    assertThat(first.statusCode()).isEqualTo(200);
    Document page = reader.page(PAGES + "3");
    assertThat(topLevelComments(page).getFirst().id()).isEqualTo("comment-" + topLevel.get(100));
    assertThat(page.selectFirst("link[rel=canonical]").attr("href")).endsWith(PAGES + "3");
    assertThat(page.select("h1")).hasSize(1);
    assertThat(page.selectFirst("h1").text()).contains("Harbour Vote Goes to a Second Round");
    assertThat(page.select("form.comment-form")).hasSize(1);
    assertThat(page.selectFirst("nav.comment-pages a[rel=prev]").attr("href"))
        .isEqualTo(PAGES + "2#comments");
    assertThat(site.get(PAGES + "3").headers().firstValue("x-cache")).hasValue("HIT");

    assertThat(site.get(PAGES + "9").statusCode()).isEqualTo(200);
    assertThat(site.get(PAGES + "10").statusCode()).isEqualTo(404);
    assertThat(site.get(PAGES + "x").statusCode()).isEqualTo(404);
    HttpResponse<String> one = site.get(PAGES + "1");
    assertThat(one.statusCode()).isEqualTo(301);
    assertThat(one.headers().firstValue("location")).hasValue(ARTICLE + "#comments");
  }

  @Test
  void aPermalinkLandsOnThePageThatHoldsTheComment() {
    long last = topLevel.getLast();
    assertThat(location("/comments/" + last)).isEqualTo(PAGES + "9#comment-" + last);
    long firstReply = replies.getFirst();
    assertThat(location("/comments/" + firstReply)).isEqualTo(ARTICLE + "#comment-" + firstReply);
    long reply = replies.get(20); // answers the 189th top-level comment: page 4
    assertThat(location("/comments/" + reply)).isEqualTo(PAGES + "4#comment-" + reply);
    assertThat(reader.page(PAGES + "4").getElementById("comment-" + reply)).isNotNull();
    assertThat(site.get("/comments/999999").statusCode()).isEqualTo(404);
    assertThat(site.get("/comments/abc").statusCode()).isEqualTo(404);
  }

  @Test
  void newestFirstPutsTheLatestOnTheArticle() {
    site.application().settings().set("comments.order", "newest");
    try {
      Document page = reader.page(ARTICLE);
      assertThat(topLevelComments(page).getFirst().id()).isEqualTo("comment-" + topLevel.getLast());
      assertThat(location("/comments/" + topLevel.getLast()))
          .isEqualTo(ARTICLE + "#comment-" + topLevel.getLast());
      assertThat(location("/comments/" + topLevel.getFirst()))
          .isEqualTo(PAGES + "9#comment-" + topLevel.getFirst());
    } finally {
      site.application().settings().set("comments.order", "oldest");
    }
  }

  @Test
  void perPageSettingChangesThePages() {
    site.application().settings().set("comments.per_page", "100");
    try {
      Document page = reader.page(ARTICLE);
      assertThat(topLevelComments(page)).hasSize(100);
      assertThat(page.selectFirst("nav.comment-pages").text()).contains("of 5");
      assertThat(site.get(PAGES + "6").statusCode()).isEqualTo(404);
    } finally {
      site.application().settings().set("comments.per_page", "50");
    }
  }

  @Test
  void leaveACommentLinksJumpToTheForm() {
    Document page = reader.page(ARTICLE);
    assertThat(page.select(".article-header .comment-link a").eachAttr("href"))
        .containsExactly("#comments", "#respond");
    assertThat(page.selectFirst(".article-header .comment-link").text())
        .contains("500 comments", "Leave a comment");
    assertThat(page.selectFirst("section#comments .leave-comment a").attr("href"))
        .isEqualTo("#respond");
    assertThat(page.selectFirst("#respond form.comment-form")).isNotNull();
  }

  @Test
  void theReplyFormSitsRightUnderTheCommentAnswered() {
    long answered = topLevel.get(120); // page 3
    Document page = reader.page(PAGES + "3");
    String replyLink = page.selectFirst("#comment-" + answered + " a.reply").attr("href");
    assertThat(replyLink).isEqualTo(PAGES + "3&replyto=" + answered + "#respond");

    Document replying = reader.page(replyLink.substring(0, replyLink.indexOf('#')));
    assertThat(replying.select("form.comment-form")).hasSize(1);
    Element form = replying.selectFirst("#comment-" + answered + " > #respond form.comment-form");
    assertThat(form).isNotNull();
    assertThat(form.selectFirst("input[name=parent]").val()).isEqualTo(Long.toString(answered));

    // From the article's own address too, the form goes under the comment, on its page.
    Document fromArticle = reader.page(ARTICLE + "?replyto=" + answered);
    assertThat(fromArticle.selectFirst("#comment-" + answered + " > #respond form")).isNotNull();

    HttpResponse<String> posted =
        reader.comment(
            ARTICLE,
            CommentTesting.with(
                fields("Ada Quill", "ada@example.org", "A reply far down the thread."),
                "replyto",
                Long.toString(answered)));
    assertThat(posted.statusCode()).isEqualTo(303);
    long id = idFromLocation(posted);
    assertThat(posted.headers().firstValue("location"))
        .hasValue(PAGES + "3&posted=" + id + "#comment-" + id);
    Element own = reader.page(PAGES + "3").getElementById("comment-" + id);
    assertThat(own).isNotNull();
    assertThat(own.text()).contains("awaiting moderation");
  }

  private String location(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).isEqualTo(302);
    return response.headers().firstValue("location").orElseThrow();
  }
}
