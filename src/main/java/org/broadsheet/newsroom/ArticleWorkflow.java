package org.broadsheet.newsroom;

import static org.broadsheet.article.ArticleStatus.DRAFT;
import static org.broadsheet.article.ArticleStatus.IN_REVIEW;
import static org.broadsheet.article.ArticleStatus.PUBLISHED;
import static org.broadsheet.article.ArticleStatus.SCHEDULED;
import static org.broadsheet.article.ArticleStatus.TRASH;
import static org.broadsheet.article.ArticleStatus.UNPUBLISHED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.broadsheet.article.ArticleStatus;

/**
 * The one rule of who may move an article from one state to another, and who may edit it: asked by
 * every handler and command before it acts, and by the tests. A pure function of the person's role,
 * whether the article is their own (they created it, or write under one of its bylines), and the
 * two states.
 *
 * <pre>
 *   draft ⇄ in-review → scheduled → published ⇄ unpublished
 *     every state but trash → trash → draft (restored)
 * </pre>
 *
 * <ul>
 *   <li>contributor: writes and edits their own drafts; moves nothing;
 *   <li>reporter: their own drafts, submits them for review and withdraws them back to draft;
 *   <li>editor and administrator: every move there is (schedule, publish, unpublish, trash,
 *       restore), on anyone's article;
 *   <li>moderator: nothing.
 * </ul>
 */
public final class ArticleWorkflow {
  private ArticleWorkflow() {}

  /** Every move there is, whoever makes it. Rescheduling a scheduled article is a move too. */
  private static final Map<ArticleStatus, Set<ArticleStatus>> MOVES =
      Map.of(
          DRAFT, EnumSet.of(IN_REVIEW, SCHEDULED, PUBLISHED, TRASH),
          IN_REVIEW, EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, TRASH),
          SCHEDULED, EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, TRASH),
          PUBLISHED, EnumSet.of(UNPUBLISHED, TRASH),
          UNPUBLISHED, EnumSet.of(DRAFT, SCHEDULED, PUBLISHED, TRASH),
          TRASH, EnumSet.of(DRAFT));

  /** Whether the move exists at all, whoever asks. */
  public static boolean exists(ArticleStatus from, ArticleStatus to) {
    return MOVES.get(from).contains(to);
  }

  /**
   * Whether a person with this role may move an article from one state to the other.
   *
   * @param own whether they created the article or write under one of its bylines
   */
  public static boolean mayMove(Role role, boolean own, ArticleStatus from, ArticleStatus to) {
    if (!exists(from, to)) {
      return false;
    }
    if (role.may(Permission.PUBLISH)) {
      return true;
    }
    if (own && role.may(Permission.SUBMIT_FOR_REVIEW)) {
      return (from == DRAFT && to == IN_REVIEW) || (from == IN_REVIEW && to == DRAFT);
    }
    return false;
  }

  /** As {@link #mayMove(Role, boolean, ArticleStatus, ArticleStatus)}, for a signed-in person. */
  public static boolean mayMove(User user, boolean own, ArticleStatus from, ArticleStatus to) {
    return !user.disabled() && mayMove(user.role(), own, from, to);
  }

  /**
   * Whether a person with this role may change the article's text and fields in this state: their
   * own drafts (contributors and reporters), anything but the trash (editors and administrators).
   */
  public static boolean mayEdit(Role role, boolean own, ArticleStatus status) {
    if (status == TRASH) {
      return false;
    }
    if (role.may(Permission.EDIT_ANY_ARTICLE)) {
      return true;
    }
    return own && status == DRAFT && role.may(Permission.WRITE_OWN_DRAFTS);
  }

  /** Whether a person with this role may start a new article (a draft of their own). */
  public static boolean mayCreate(Role role) {
    return role.may(Permission.WRITE_OWN_DRAFTS);
  }

  /**
   * Why a move is not allowed, in words for a message: the move does not exist, or the role may not
   * make it.
   */
  public static String refusal(Role role, boolean own, ArticleStatus from, ArticleStatus to) {
    if (!exists(from, to)) {
      return subject(from) + " cannot be moved to " + target(to);
    }
    return (role == Role.ADMINISTRATOR || role == Role.EDITOR ? "an " : "a ")
        + role.word()
        + " may not move "
        + (own ? "their own" : "another's")
        + " article from "
        + target(from)
        + " to "
        + target(to);
  }

  private static String subject(ArticleStatus status) {
    return switch (status) {
      case DRAFT -> "a draft";
      case TRASH -> "an article in the trash";
      default -> "an article that is " + target(status);
    };
  }

  private static String target(ArticleStatus status) {
    return switch (status) {
      case TRASH -> "the trash";
      default -> status.label().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
