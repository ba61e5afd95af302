package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.article.ArticleStatus.DRAFT;
import static org.broadsheet.article.ArticleStatus.IN_REVIEW;
import static org.broadsheet.article.ArticleStatus.PUBLISHED;
import static org.broadsheet.article.ArticleStatus.SCHEDULED;
import static org.broadsheet.article.ArticleStatus.TRASH;
import static org.broadsheet.article.ArticleStatus.UNPUBLISHED;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.ArticleStatus;
import org.junit.jupiter.api.Test;

/** Who may move an article between which states: the one rule, asked for every pair. */
class ArticleWorkflowTest {
  private static List<String> movesAllowed(Role role, boolean own) {
    List<String> allowed = new ArrayList<>();
    for (ArticleStatus from : ArticleStatus.values()) {
      for (ArticleStatus to : ArticleStatus.values()) {
        if (ArticleWorkflow.mayMove(role, own, from, to)) {
          allowed.add(from.word() + " → " + to.word());
        }
      }
    }
    return allowed;
  }

  @Test
  void editorsAndAdministratorsMakeEveryMoveThereIsOnAnyonesArticle() {
    List<String> every =
        List.of(
            "draft → in-review",
            "draft → scheduled",
            "draft → published",
            "draft → trash",
            "in-review → draft",
            "in-review → scheduled",
            "in-review → published",
            "in-review → trash",
            "scheduled → draft",
            "scheduled → scheduled",
            "scheduled → published",
            "scheduled → trash",
            "published → unpublished",
            "published → trash",
            "unpublished → draft",
            "unpublished → scheduled",
            "unpublished → published",
            "unpublished → trash",
            "trash → draft");
    for (Role role : List.of(Role.EDITOR, Role.ADMINISTRATOR)) {
      assertThat(movesAllowed(role, false)).as(role.word()).containsExactlyElementsOf(every);
      assertThat(movesAllowed(role, true)).as(role.word()).containsExactlyElementsOf(every);
    }
  }

  @Test
  void reportersSubmitTheirOwnDraftsForReviewAndWithdrawThemNothingElse() {
    assertThat(movesAllowed(Role.REPORTER, true))
        .containsExactly("draft → in-review", "in-review → draft");
    assertThat(movesAllowed(Role.REPORTER, false)).isEmpty();
  }

  @Test
  void contributorsAndModeratorsMoveNothing() {
    for (Role role : List.of(Role.CONTRIBUTOR, Role.MODERATOR)) {
      assertThat(movesAllowed(role, true)).as(role.word()).isEmpty();
      assertThat(movesAllowed(role, false)).as(role.word()).isEmpty();
    }
  }

  @Test
  void contributorsAndReportersEditTheirOwnDraftsEditorsAnythingButTheTrash() {
    for (Role role : List.of(Role.CONTRIBUTOR, Role.REPORTER)) {
      assertThat(ArticleWorkflow.mayEdit(role, true, DRAFT)).as(role.word()).isTrue();
      assertThat(ArticleWorkflow.mayEdit(role, false, DRAFT)).as(role.word()).isFalse();
      for (ArticleStatus status : List.of(IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED, TRASH)) {
        assertThat(ArticleWorkflow.mayEdit(role, true, status)).as(role.word()).isFalse();
      }
    }
    for (Role role : List.of(Role.EDITOR, Role.ADMINISTRATOR)) {
      for (ArticleStatus status : ArticleStatus.values()) {
        assertThat(ArticleWorkflow.mayEdit(role, false, status)).isEqualTo(status != TRASH);
      }
    }
    assertThat(ArticleWorkflow.mayEdit(Role.MODERATOR, true, DRAFT)).isFalse();
  }

  @Test
  void aDisabledAccountMayMoveNothingAndARefusalSaysWhy() {
    User disabled = new User(1, "ed@harbour.example", "Ed", Role.EDITOR, "", true, false, null);
    assertThat(ArticleWorkflow.mayMove(disabled, true, DRAFT, PUBLISHED)).isFalse();
    assertThat(ArticleWorkflow.refusal(Role.REPORTER, true, DRAFT, PUBLISHED))
        .isEqualTo("a reporter may not move their own article from draft to published");
    assertThat(ArticleWorkflow.refusal(Role.EDITOR, false, TRASH, PUBLISHED))
        .isEqualTo("an article in the trash cannot be moved to published");
  }
}
