package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoEditionTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void demoEditionFillsASiteOnceAndKeepsWhatIsThere(Engine engine) {
    try (TestSite site = TestSite.open(engine)) {
      DemoEdition.Installed first = site.application().installDemo();
      assertThat(first.articlesAdded()).isGreaterThanOrEqualTo(12);
      assertThat(first.commentsAdded()).isGreaterThanOrEqualTo(50);
      ArticleService articles = site.application().articles();
      assertThat(articles.sections()).hasSizeGreaterThanOrEqualTo(4);
      Article reference = articles.published("lower-quay-evacuation-agreement").orElseThrow();
      assertThat(reference.authors()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(reference.leadImage()).isNotNull();
      assertThat(reference.figures()).isNotEmpty();
      assertThat(reference.commentCount()).isEqualTo(first.commentsAdded());

      DemoEdition.Installed second = site.application().installDemo();
      assertThat(second.articlesAdded()).isZero();
      assertThat(second.commentsAdded()).isZero();
      assertThat(second.articlesKept()).isEqualTo(first.articlesAdded());
      assertThat(articles.published("lower-quay-evacuation-agreement").orElseThrow().commentCount())
          .isEqualTo(first.commentsAdded());
    }
  }
}
