package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;

import java.net.http.HttpResponse;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Addresses typed in a comment become links; a first comment waiting is shown to its writer. */
class CommentLinksTest {
  private TestSite site;
  private Reader writer;

  @BeforeEach
  void open() {
    site = CommentTesting.siteWithArticle(Engine.SQLITE);
    writer = new Reader(site);
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void addressesInACommentAreLinksForOthersToFollowSafely() {
    HttpResponse<String> posted =
        writer.comment(
            ARTICLE,
            fields(
                "Ada Quill",
                "ada@example.org",
                "Minutes at https://example.org/minutes?id=4 and www.example.com, see"
                    + " [the agenda](https://example.net/agenda). javascript:alert(1)"));
    long id = idFromLocation(posted);
    Element text = writer.page(ARTICLE).selectFirst("#comment-" + id + " .comment-text");
    assertThat(text.select("a").eachAttr("href"))
        .containsExactly(
            "https://example.org/minutes?id=4",
            "http://www.example.com",
            "https://example.net/agenda");
    // In one order, whatever the process (the sanitizer's own order changes from run to run).
    assertThat(text.select("a").eachAttr("rel")).hasSize(3).containsOnly("nofollow ugc noopener");
    assertThat(text.html()).doesNotContain("javascript:alert(1)\"");
  }

  @Test
  void bareAddressesCountTowardsTheLinkLimit() {
    HttpResponse<String> refused =
        writer.comment(
            ARTICLE,
            fields(
                "Ada Quill",
                "ada@example.org",
                "https://a.example https://b.example https://c.example https://d.example"));
    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = Jsoup.parse(refused.body());
    assertThat(page.selectFirst("#comment-body-problem").text()).contains("3");
    assertThat(page.selectFirst("#comment-body").text()).contains("https://d.example");

    HttpResponse<String> posted =
        writer.comment(
            ARTICLE,
            fields(
                "Ada Quill",
                "ada@example.org",
                "https://a.example https://b.example www.c.example"));
    assertThat(posted.statusCode()).isEqualTo(303);
  }

  @Test
  void aFirstCommentWaitingIsShownUnderAHeadingThatFits() {
    long id =
        idFromLocation(writer.comment(ARTICLE, fields("Ada Quill", "ada@example.org", "First.")));
    Document own = writer.page(ARTICLE);
    assertThat(own.selectFirst("#comments-heading").text())
        .isEqualTo("Your comment, awaiting moderation");
    assertThat(own.getElementById("comment-" + id).text()).contains("awaiting moderation");

    Document someoneElse = new Reader(site).page(ARTICLE);
    assertThat(someoneElse.selectFirst("#comments-heading").text())
        .isEqualTo("Be the first to comment on \"Harbour Vote Goes to a Second Round\"");
    assertThat(someoneElse.select(".article-header .comment-link a").eachText())
        .containsExactly("Leave a comment");
  }
}
