package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageInvalidationTest {
  private final PageCache pages =
      new PageCache(() -> new CachePolicy(1 << 20, 0, 0, ""), PersonalRequests.NONE);

  private static final PageRules ARTICLES =
      (topic, subject) ->
          topic.equals("article") ? Set.of("article:" + subject, "listing") : Set.of();

  private static final PageRules COMMENTS =
      (topic, subject) ->
          switch (topic) {
            case "comment" -> Set.of("article:" + subject, "comment-feed");
            case "article" -> Set.of("comment-feed");
            default -> Set.of();
          };

  @Test
  void everyFeaturesRulesForATopicAreUnitedAndATopicNoFeatureKnowsDropsEverything() {
    PageInvalidation invalidation = new PageInvalidation(pages, List.of(ARTICLES, COMMENTS));

    assertThat(invalidation.tagsFor(List.of(new PageInvalidation.Changed("article", "7"))))
        .containsExactlyInAnyOrder("article:7", "listing", "comment-feed");
    assertThat(invalidation.tagsFor(List.of(new PageInvalidation.Changed("comment", "7"))))
        .containsExactlyInAnyOrder("article:7", "comment-feed");
    assertThat(
            invalidation.tagsFor(
                List.of(
                    new PageInvalidation.Changed("comment", "7"),
                    new PageInvalidation.Changed("poll", "3"))))
        .contains(PageCache.EVERYTHING, "article:7");
  }

  @Test
  void theClockAsksEveryFeatureForThePagesTimeChanged() throws InterruptedException {
    CountDownLatch asked = new CountDownLatch(2);
    PageRules timed =
        new PageRules() {
          @Override
          public Set<String> drops(String topic, String subject) {
            return Set.of();
          }

          @Override
          public Set<String> changedBetween(Instant after, Instant until) {
            asked.countDown();
            return Set.of("news-sitemap");
          }
        };
    try (PageInvalidation invalidation = new PageInvalidation(pages, List.of(ARTICLES, timed))) {
      invalidation.watchTheClock(Duration.ofMillis(20));
      assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
