package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.article.Article;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * What moderators do: list comments, approve, mark spam, trash and restore them (teaching the spam
 * filter as they go), and answer a commenter's request to export or erase their data.
 */
public final class CommentModeration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CommentModeration.class);

  /** A moderator's decision about a comment. */
  public enum Decision {
    APPROVE,
    SPAM,
    TRASH,
    /** Takes a comment out of spam or trash and holds it for a fresh decision. */
    RESTORE
  }

  /** A comment as a moderator sees it in a list. */
  public record Entry(
      long id,
      String status,
      String article,
      Long parent,
      String authorName,
      Instant time,
      String text,
      double spamProbability) {}

  /** What a decision did to one comment. */
  public sealed interface Result {
    long id();

    record Changed(long id, CommentStatus from, CommentStatus to) implements Result {}

    record NotFound(long id) implements Result {}
  }

  /** Everything stored about one commenter, for their right of access. */
  public record ExportedComment(
      long id,
      String article,
      String status,
      Instant time,
      String name,
      String email,
      String website,
      String text,
      String ip,
      boolean notifyReplies) {}

  static final String ERASED_TEXT = "This comment was erased at its writer's request.";

  private final Database database;
  private final CommentService comments;
  private final CommentStore store = new CommentStore();

  public CommentModeration(Database database, CommentService comments) {
    this.database = database;
    this.comments = comments;
  }

  public List<Entry> list(CommentStatus status, String articleSlug, int limit) {
    Long articleId = null;
    if (articleSlug != null) {
      articleId = comments.articles().idOf(articleSlug).orElse(-1L);
    }
    Map<Long, String> slugs = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    Long article = articleId;
    for (Comment comment : database.read(tx -> store.list(tx, status, article, limit))) {
      String slug =
          slugs.computeIfAbsent(
              comment.articleId(), id -> comments.articles().slugOf(id).orElse("?"));
      entries.add(
          new Entry(
              comment.id(),
              comment.status().word(),
              slug,
              comment.parentId(),
              comment.authorName(),
              comment.createdAt(),
              comment.body(),
              comment.spamProbability()));
    }
    return entries;
  }

  /** Applies a decision to each comment in one transaction; what changed is on the site at once. */
  public List<Result> decide(Decision decision, List<Long> ids) {
    List<Result> results = new ArrayList<>();
    Set<Long> articles = new LinkedHashSet<>();
    List<Comment> published = new ArrayList<>();
    database.useTransaction(
        tx -> {
          Map<Long, Comment> found = new LinkedHashMap<>();
          store.byIds(tx, ids).forEach(c -> found.put(c.id(), c));
          for (long id : ids) {
            Comment comment = found.get(id);
            if (comment == null) {
              results.add(new Result.NotFound(id));
              continue;
            }
            CommentStatus to =
                switch (decision) {
                  case APPROVE -> CommentStatus.APPROVED;
                  case SPAM -> CommentStatus.SPAM;
                  case TRASH -> CommentStatus.TRASH;
                  case RESTORE ->
                      comment.status() == CommentStatus.APPROVED
                          ? CommentStatus.APPROVED
                          : CommentStatus.HELD;
                };
            String trainedAs = teach(tx, comment, decision);
            CommentStore.setStatus(tx, id, to, trainedAs);
            if (to == CommentStatus.APPROVED && comment.status() != CommentStatus.APPROVED) {
              published.add(comment);
            }
            articles.add(comment.articleId());
            results.add(new Result.Changed(id, comment.status(), to));
          }
          for (long articleId : articles) {
            comments.refreshCount(tx, articleId);
          }
        });
    for (Result result : results) {
      if (result instanceof Result.Changed changed) {
        log.info(
            "Comment {} {} by a moderator ({} → {})",
            changed.id(),
            decision.name().toLowerCase(java.util.Locale.ROOT),
            changed.from().name().toLowerCase(java.util.Locale.ROOT),
            changed.to().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Comment comment : published) {
      announce(comment);
    }
    return results;
  }

  /** Teaches the spam filter from the decision, unlearning what an earlier one taught. */
  private String teach(Transaction tx, Comment comment, Decision decision) {
    String wanted =
        switch (decision) {
          case APPROVE -> "ham";
          case SPAM -> "spam";
          case TRASH, RESTORE -> comment.trainedAs();
        };
    if (wanted.equals(comment.trainedAs())) {
      return wanted;
    }
    Set<String> tokens =
        SpamFilter.tokens(comment.authorName(), comment.authorWebsite(), comment.body());
    if (!comment.trainedAs().isEmpty()) {
      CommentStore.learn(tx, tokens, comment.trainedAs().equals("spam"), -1);
    }
    CommentStore.learn(tx, tokens, wanted.equals("spam"), 1);
    return wanted;
  }

  private void announce(Comment comment) {
    Optional<Article> article =
        comments
            .articles()
            .slugOf(comment.articleId())
            .flatMap(slug -> comments.articles().any(slug));
    Comment answered =
        comment.parentId() == null ? null : comments.find(comment.parentId()).orElse(null);
    article.ifPresent(
        a ->
            comments.notices().published(a, comments.find(comment.id()).orElse(comment), answered));
  }

  public List<ExportedComment> export(String email) {
    List<ExportedComment> exported = new ArrayList<>();
    for (Comment comment : database.read(tx -> store.byEmail(tx, email.strip()))) {
      exported.add(
          new ExportedComment(
              comment.id(),
              comments.articles().slugOf(comment.articleId()).orElse("?"),
              comment.status().word(),
              comment.createdAt(),
              comment.authorName(),
              comment.authorEmail(),
              comment.authorWebsite(),
              comment.body(),
              comment.ip(),
              comment.notifyReplies()));
    }
    return exported;
  }

  /**
   * Erases a commenter's data: name, email, website, address and text of each of their comments;
   * replies to them stay in place under an "erased" comment. Returns how many were erased.
   */
  public int erase(String email) {
    List<Comment> theirs = database.read(tx -> store.byEmail(tx, email.strip()));
    database.useTransaction(
        tx -> {
          Set<Long> articles = new LinkedHashSet<>();
          for (Comment comment : theirs) {
            if (!comment.trainedAs().isEmpty()) {
              CommentStore.learn(
                  tx,
                  SpamFilter.tokens(comment.authorName(), comment.authorWebsite(), comment.body()),
                  comment.trainedAs().equals("spam"),
                  -1);
              CommentStore.setStatus(tx, comment.id(), comment.status(), "");
            }
            CommentStore.erase(tx, comment.id(), ERASED_TEXT);
            articles.add(comment.articleId());
          }
          for (long articleId : articles) {
            comments.refreshCount(tx, articleId);
          }
        });
    return theirs.size();
  }

  /** Opens or closes one article's comments; false when there is no such article. */
  public boolean setOpen(String articleSlug, boolean open) {
    Optional<Long> id = comments.articles().idOf(articleSlug);
    id.ifPresent(articleId -> comments.articles().setCommentsOpen(articleId, open));
    return id.isPresent();
  }

  /** Stops reply emails for every comment of the same writer on the same article. */
  public boolean unsubscribe(long commentId) {
    Optional<Comment> comment = comments.find(commentId);
    comment.ifPresent(
        c ->
            database.useTransaction(
                tx -> {
                  for (Comment other : store.byEmail(tx, c.authorEmail())) {
                    if (other.articleId() == c.articleId()) {
                      CommentStore.stopReplyNotifications(tx, other.id());
                    }
                  }
                }));
    return comment.isPresent();
  }
}
