package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskArticle;

/**
 * What the desk offers a person for one article, asked of {@link ArticleWorkflow}, the one rule:
 * whether it is theirs, whether they may edit it, and the workflow buttons they get.
 */
final class DeskRules {
  private DeskRules() {}

  static boolean own(User user, DeskArticle article) {
    return article.isOwnedBy(user.id(), user.authorSlug());
  }

  static boolean mayEdit(User user, DeskArticle article) {
    return !user.disabled()
        && ArticleWorkflow.mayEdit(user.role(), own(user, article), article.status());
  }

  static boolean mayMove(User user, DeskArticle article, ArticleStatus to) {
    return ArticleWorkflow.mayMove(user, own(user, article), article.status(), to);
  }

  /** A preview is shared with colleagues: anyone who writes may read it. */
  static boolean mayPreview(User user) {
    return user.may(Permission.WRITE_OWN_DRAFTS);
  }

  /** The moves this person may make with the article now, in the order the buttons show. */
  static List<NewsroomPages.Move> moves(User user, DeskArticle article) {
    List<NewsroomPages.Move> moves = new ArrayList<>();
    for (ArticleStatus to :
        List.of(
            ArticleStatus.IN_REVIEW,
            ArticleStatus.PUBLISHED,
            ArticleStatus.SCHEDULED,
            ArticleStatus.DRAFT,
            ArticleStatus.UNPUBLISHED,
            ArticleStatus.TRASH)) {
      if (mayMove(user, article, to)) {
        moves.add(
            new NewsroomPages.Move(
                to.word(), label(article.status(), to), to == ArticleStatus.SCHEDULED));
      }
    }
    return moves;
  }

  static String label(ArticleStatus from, ArticleStatus to) {
    return switch (to) {
      case IN_REVIEW -> "Submit for review";
      case PUBLISHED -> from == ArticleStatus.UNPUBLISHED ? "Publish again" : "Publish now";
      case SCHEDULED -> from == ArticleStatus.SCHEDULED ? "Reschedule" : "Schedule";
      case DRAFT ->
          switch (from) {
            case TRASH -> "Restore";
            case IN_REVIEW -> "Withdraw to draft";
            default -> "Back to draft";
          };
      case UNPUBLISHED -> "Unpublish";
      case TRASH -> "Move to trash";
    };
  }

  /** The audit log's name of a move. */
  static String auditAction(ArticleStatus from, ArticleStatus to) {
    return switch (to) {
      case IN_REVIEW -> "article.submit";
      case PUBLISHED -> "article.publish";
      case SCHEDULED -> "article.schedule";
      case DRAFT -> from == ArticleStatus.TRASH ? "article.restore" : "article.withdraw";
      case UNPUBLISHED -> "article.unpublish";
      case TRASH -> "article.trash";
    };
  }
}
