package org.broadsheet.proofread;

import java.time.Instant;
import java.util.List;
import org.broadsheet.storage.Transaction;

/** The SQL of the findings ignored in one article. */
final class IgnoredStore {
  List<IgnoredFinding> of(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery("SELECT rule, words FROM proofread_ignored WHERE article_id = :article")
        .bind("article", articleId)
        .map((rs, ctx) -> new IgnoredFinding(rs.getString("rule"), rs.getString("words")))
        .list();
  }

  boolean contains(Transaction tx, long articleId, IgnoredFinding finding) {
    return tx.handle()
            .createQuery(
                "SELECT COUNT(*) FROM proofread_ignored"
                    + " WHERE article_id = :article AND rule = :rule AND words = :words")
            .bind("article", articleId)
            .bind("rule", finding.rule())
            .bind("words", finding.words())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  void add(Transaction tx, long articleId, IgnoredFinding finding, Instant at) {
    tx.handle()
        .createUpdate(
            "INSERT INTO proofread_ignored (article_id, rule, words, ignored_at)"
                + " VALUES (:article, :rule, :words, :at)")
        .bind("article", articleId)
        .bind("rule", finding.rule())
        .bind("words", finding.words())
        .bind("at", at.toEpochMilli())
        .execute();
  }
}
