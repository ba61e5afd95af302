package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SlugRenameTest {
  private static ArticleDraft draft(String slug, String headline) {
    Instant published = Instant.now().minusSeconds(3600);
    return new ArticleDraft(
        slug,
        "Council",
        headline,
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
        null);
  }

  @ParameterizedTest
  @MethodSource("org.broadsheet.testing.TestSite#engines")
  void aRenamedArticlesOldAddressAnswersWithAPermanentRedirectInsteadOfItsCachedPage(Engine engine)
      throws InterruptedException {
    try (TestSite site = TestSite.serving(engine)) {
      ArticleService articles = site.application().articles();
      long id =
          ((ArticleService.SaveOutcome.Saved)
                  articles.create(
                      draft("harbour-vote", "Harbour Vote Goes to a Second Round"), Actor.IMPORT))
              .id();
      // A page rendered while a change was being caught up is not kept; ask until it is.
      HttpResponse<String> cached = site.get("/articles/harbour-vote");
      for (int tries = 0;
          tries < 50 && !"HIT".equals(cached.headers().firstValue("x-cache").orElse(""));
          tries++) {
        Thread.sleep(100);
        cached = site.get("/articles/harbour-vote");
      }
      assertThat(cached.headers().firstValue("x-cache")).hasValue("HIT");

      assertThat(
              articles.update(
                  id, 1, draft("harbour-vote-decided", "Harbour Vote Decided"), Actor.IMPORT))
          .isEqualTo(new ArticleService.SaveOutcome.Saved(id, 2));

      HttpResponse<String> old = site.get("/articles/harbour-vote");
      assertThat(old.statusCode()).isEqualTo(301);
      assertThat(old.headers().firstValue("location")).hasValue("/articles/harbour-vote-decided");
      assertThat(old.headers().firstValue("x-cache")).isEmpty();
      HttpResponse<String> renamed = site.get("/articles/harbour-vote-decided");
      assertThat(renamed.statusCode()).isEqualTo(200);
      assertThat(renamed.body()).contains("Harbour Vote Decided");
      // Listings link to the new address only.
      assertThat(site.get("/").body())
          .contains("/articles/harbour-vote-decided")
          .doesNotContain("href=\"/articles/harbour-vote\"");

      // A slug that never was an article's stays not found; an article's comment form does not
      // answer at its old address.
      assertThat(site.get("/articles/harbour-votes").statusCode()).isEqualTo(404);
      assertThat(site.get("/articles/harbour-vote/comments.atom").statusCode()).isEqualTo(404);
    }
  }
}
