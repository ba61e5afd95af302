package org.broadsheet.newsroom;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleStatus;

/**
 * Who may open an article in the editor and save it: editors anyone's, reporters their own at any
 * stage, contributors their own drafts. An article is one's own when one of its bylines is the
 * author page the person is linked to.
 */
final class EditorRights {
  private EditorRights() {}

  static boolean mayWrite(User user) {
    return user.may(Permission.WRITE_OWN_DRAFTS);
  }

  static boolean owns(User user, Article article) {
    return !user.authorSlug().isEmpty()
        && article.authors().stream().anyMatch(a -> a.slug().equals(user.authorSlug()));
  }

  static boolean mayEdit(User user, Article article) {
    if (user.may(Permission.EDIT_ANY_ARTICLE)) {
      return true;
    }
    if (!owns(user, article)) {
      return false;
    }
    return user.may(Permission.EDIT_OWN_ARTICLES)
        || (user.may(Permission.WRITE_OWN_DRAFTS) && article.status() == ArticleStatus.DRAFT);
  }

  /** A preview is shared with colleagues: anyone who writes may read it. */
  static boolean mayPreview(User user) {
    return user.may(Permission.WRITE_OWN_DRAFTS);
  }
}
