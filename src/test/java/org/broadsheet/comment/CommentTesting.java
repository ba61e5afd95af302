package org.broadsheet.comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;

/** A site with one article ready for comments, and the form fields a reader fills in. */
final class CommentTesting {
  static final String ARTICLE = "/articles/harbour-vote";

  private CommentTesting() {}

  static TestSite siteWithArticle(Engine engine) {
    TestSite site = TestSite.open(engine);
    Instant published = Instant.now().minusSeconds(3600);
    site.application()
        .articles()
        .save(
            new ArticleDraft(
                "harbour-vote",
                "Council",
                "Harbour Vote Goes to a Second Round",
                "Councillors split.",
                "The vote was close.",
                "Politics",
                List.of("harbour"),
                List.of("Ada Quill"),
                ArticleStatus.PUBLISHED,
                published,
                published,
                null,
                Map.of(),
                null));
    // Tests post at machine speed; the fill-time rule has a test of its own.
    site.application().settings().set("comments.min_fill_seconds", "0");
    site.serve();
    return site;
  }

  static Map<String, String> fields(String name, String email, String comment) {
    Map<String, String> fields = new HashMap<>();
    fields.put("name", name);
    fields.put("email", email);
    fields.put("comment", comment);
    return fields;
  }

  static Map<String, String> with(Map<String, String> fields, String key, String value) {
    Map<String, String> copy = new HashMap<>(fields);
    copy.put(key, value);
    return copy;
  }

  static long idFromLocation(java.net.http.HttpResponse<String> response) {
    String location = response.headers().firstValue("location").orElseThrow();
    return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
  }
}
