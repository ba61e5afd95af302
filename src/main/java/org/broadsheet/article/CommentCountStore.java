package org.broadsheet.article;

import org.broadsheet.storage.Transaction;

/** What the comment feature keeps on an article's row: its count and whether comments are open. */
final class CommentCountStore {
  /** Holds the article's row until the transaction ends, so counts of one article queue. */
  void lock(Transaction tx, long articleId) {
    tx.handle()
        .createUpdate("UPDATE article SET comment_count = comment_count WHERE id = :id")
        .bind("id", articleId)
        .execute();
  }

  void setCount(Transaction tx, long articleId, int count) {
    tx.handle()
        .createUpdate("UPDATE article SET comment_count = :count WHERE id = :id")
        .bind("count", count)
        .bind("id", articleId)
        .execute();
  }

  void setOpen(Transaction tx, long articleId, boolean open) {
    tx.handle()
        .createUpdate("UPDATE article SET comments_open = :open WHERE id = :id")
        .bind("open", open ? 1 : 0)
        .bind("id", articleId)
        .execute();
    tx.record(ArticleService.TOPIC, Long.toString(articleId));
  }
}
