package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.Article;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * What the moderators' queue shows: the held, spam, trash and reported comments, newest first, a
 * page at a time, each with its context. Reading only; decisions are {@link CommentModeration}'s.
 */
public final class CommentQueue {
  /** The lists of the queue. */
  public enum Shelf {
    HELD,
    SPAM,
    TRASH,
    REPORTED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Shelf> parse(String text) {
      for (Shelf shelf : values()) {
        if (text != null && shelf.word().equals(text.strip())) {
          return Optional.of(shelf);
        }
      }
      return Optional.empty();
    }

    CommentStatus status() {
      return switch (this) {
        case HELD -> CommentStatus.HELD;
        case SPAM -> CommentStatus.SPAM;
        case TRASH -> CommentStatus.TRASH;
        case REPORTED -> null;
      };
    }
  }

  /**
   * What to show.
   *
   * @param articleSlug only comments on this article; null for all
   * @param page from 1
   */
  public record Query(Shelf shelf, String articleSlug, int page, int pageSize) {}

  /**
   * One page of a list.
   *
   * @param counts how many comments each list holds (with the article filter applied)
   * @param unknownArticle the article asked for does not exist (the lists are then empty)
   */
  public record Page(
      List<CommentContext> comments,
      Map<Shelf, Integer> counts,
      int page,
      boolean more,
      boolean unknownArticle) {}

  private final Database database;
  private final CommentService comments;
  private final ModerationStore store = new ModerationStore();

  CommentQueue(Database database, CommentService comments) {
    this.database = database;
    this.comments = comments;
  }

  public Page page(Query query) {
    Long articleId = null;
    if (query.articleSlug() != null) {
      Optional<Long> found = comments.articles().idOf(query.articleSlug());
      if (found.isEmpty()) {
        Map<Shelf, Integer> none = new LinkedHashMap<>();
        for (Shelf shelf : Shelf.values()) {
          none.put(shelf, 0);
        }
        return new Page(List.of(), none, query.page(), false, true);
      }
      articleId = found.get();
    }
    Long article = articleId;
    Page page =
        database.read(
            tx -> {
              List<Comment> found =
                  store.shelf(
                      tx,
                      query.shelf().status(),
                      article,
                      query.pageSize() + 1,
                      (query.page() - 1) * query.pageSize());
              boolean more = found.size() > query.pageSize();
              List<CommentContext> shown =
                  contexts(tx, more ? found.subList(0, query.pageSize()) : found);
              Map<CommentStatus, Integer> byStatus = store.countsByStatus(tx, article);
              Map<Shelf, Integer> counts = new LinkedHashMap<>();
              for (Shelf shelf : Shelf.values()) {
                counts.put(
                    shelf,
                    shelf == Shelf.REPORTED
                        ? store.reportedCount(tx, article)
                        : byStatus.get(shelf.status()));
              }
              return new Page(shown, counts, query.page(), more, false);
            });
    return new Page(withArticles(page.comments()), page.counts(), page.page(), page.more(), false);
  }

  /** One comment with its context; empty when there is no such comment. */
  public Optional<CommentContext> context(long id) {
    return database
        .read(tx -> new CommentStore().byId(tx, id).map(c -> contexts(tx, List.of(c))))
        .map(found -> withArticles(found).getFirst());
  }

  /** The article of each comment, read after the comments' own transaction has ended. */
  private List<CommentContext> withArticles(List<CommentContext> contexts) {
    Map<Long, CommentContext.OnArticle> articles = new LinkedHashMap<>();
    return contexts.stream()
        .map(c -> c.on(articles.computeIfAbsent(c.article().id(), this::onArticle)))
        .toList();
  }

  private List<CommentContext> contexts(Transaction tx, List<Comment> found) {
    CommentStore comments = new CommentStore();
    Map<Long, Map<String, Integer>> reports = new LinkedHashMap<>();
    for (ModerationStore.OpenReport report :
        store.openReports(tx, found.stream().map(Comment::id).toList())) {
      reports
          .computeIfAbsent(report.commentId(), id -> new LinkedHashMap<>())
          .merge(report.reason(), 1, Integer::sum);
    }
    List<CommentContext> contexts = new ArrayList<>();
    for (Comment comment : found) {
      // Filled in by withArticles, outside this transaction.
      CommentContext.OnArticle article =
          new CommentContext.OnArticle(comment.articleId(), "?", "", "");
      CommentContext.Answered answered =
          comment.parentId() == null
              ? null
              : comments
                  .byId(tx, comment.parentId())
                  .map(
                      p ->
                          new CommentContext.Answered(
                              p.id(), p.authorName(), p.status().word(), p.body()))
                  .orElse(null);
      Map<String, Integer> open = reports.getOrDefault(comment.id(), Map.of());
      contexts.add(
          new CommentContext(
              comment.id(),
              comment.status().word(),
              comment.staff(),
              comment.authorName(),
              comment.authorEmail(),
              comment.authorWebsite(),
              comment.ip(),
              comment.createdAt(),
              comment.body(),
              comment.spamProbability(),
              article,
              answered,
              comment.authorEmail().isEmpty()
                  ? 0
                  : store.approvedBefore(
                      tx, comment.authorEmail(), comment.createdAt(), comment.id()),
              open.values().stream().mapToInt(Integer::intValue).sum(),
              open));
    }
    return contexts;
  }

  private CommentContext.OnArticle onArticle(long articleId) {
    Optional<String> slug = comments.articles().slugOf(articleId);
    Optional<Article> article = slug.flatMap(s -> comments.articles().any(s));
    return new CommentContext.OnArticle(
        articleId,
        slug.orElse("?"),
        article.map(Article::headline).orElse("(article not found)"),
        article.map(Article::path).orElse(""));
  }
}
