package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleService;
import org.broadsheet.storage.Database;

/** The comment feature's rules and transactions; it knows nothing of HTTP. */
public final class CommentService {
  private final CommentStore store;
  private final ArticleService articles;
  private final Database database;

  public CommentService(Database database, ArticleService articles) {
    this.database = database;
    this.store = new CommentStore(database);
    this.articles = articles;
  }

  /** The approved comments of an article, arranged as a thread. */
  public List<CommentThread.Entry> thread(long articleId, int maxDepth) {
    return CommentThread.arrange(
        store.forArticle(articleId, List.of(CommentStatus.APPROVED)), maxDepth);
  }

  /** A comment to seed, naming its parent by the seed's own key. */
  public record Seed(
      String key,
      String parentKey,
      String name,
      String email,
      String website,
      String body,
      Instant createdAt) {}

  /** Adds already-approved comments (the demo edition's) in one transaction. */
  public void seed(long articleId, List<Seed> seeds) {
    database.useTransaction(
        h -> {
          Map<String, Long> ids = new HashMap<>();
          for (Seed seed : seeds) {
            Long parent = seed.parentKey() == null ? null : ids.get(seed.parentKey());
            if (seed.parentKey() != null && parent == null) {
              throw new IllegalArgumentException(
                  "Comment "
                      + seed.key()
                      + " answers "
                      + seed.parentKey()
                      + ", which comes later or does not exist");
            }
            long id =
                CommentStore.insert(
                    h,
                    new Comment(
                        0,
                        articleId,
                        parent,
                        seed.name(),
                        seed.email(),
                        seed.website() == null ? "" : seed.website(),
                        seed.body(),
                        CommentStatus.APPROVED,
                        seed.createdAt(),
                        "",
                        false));
            ids.put(seed.key(), id);
          }
          refreshCount(articleId);
        });
  }

  public int approvedCount(long articleId) {
    return store.countForArticle(articleId);
  }

  /** Keeps the article's shown count true; called inside the transaction that changed it. */
  private void refreshCount(long articleId) {
    database.useTransaction(
        h -> {
          articles.setCommentCount(articleId, store.countForArticle(articleId));
          CommentStore.recordChange(h, articleId);
        });
  }

  List<Comment> forArticle(long articleId, List<CommentStatus> statuses) {
    return new ArrayList<>(store.forArticle(articleId, statuses));
  }
}
