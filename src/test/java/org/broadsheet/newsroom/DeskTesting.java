package org.broadsheet.newsroom;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;

/** Stories to put on the front page, and a browser's way through the desk's forms. */
final class DeskTesting {
  private DeskTesting() {}

  /** Publishes a story in this section, so many minutes ago, by this author. */
  static void publish(TestSite site, String slug, String headline, int minutesAgo, String section) {
    save(site, slug, headline, minutesAgo, section, ArticleStatus.PUBLISHED);
  }

  static void save(
      TestSite site,
      String slug,
      String headline,
      int minutesAgo,
      String section,
      ArticleStatus status) {
    Instant published = Instant.now().minusSeconds(60L * minutesAgo);
    site.application()
        .articles()
        .save(
            new ArticleDraft(
                slug,
                "",
                headline,
                "A standfirst for " + headline + ".",
                "Body text of " + headline + ".",
                section,
                List.of(),
                List.of("Ada Quill"),
                status,
                published,
                published,
                null,
                Map.of(),
                null));
  }

  /**
   * Sends a desk form as a browser would: the session's token read from the page it is on (or from
   * the newsroom's landing page, for someone the page refuses), from this site's origin.
   */
  static HttpResponse<String> post(
      Reader reader, TestSite site, String page, String action, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", token(reader, page));
    form.putAll(fields);
    return reader.post(action, form, Map.of("Origin", site.url("")));
  }

  static String token(Reader reader, String page) {
    HttpResponse<String> response = reader.get(page);
    String from = response.statusCode() == 200 ? page : "/newsroom";
    return reader.page(from).select("input[name=csrf]").first().attr("value");
  }

  /** The audit log's entries with this action, newest first. */
  static List<AuditEntry> audited(TestSite site, String action) {
    return site.application()
        .audit()
        .search(new AuditQuery(null, action, null, null, 1, 100))
        .entries();
  }
}
