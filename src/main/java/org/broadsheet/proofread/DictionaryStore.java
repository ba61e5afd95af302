package org.broadsheet.proofread;

import java.time.Instant;
import java.util.List;
import org.broadsheet.storage.Transaction;

/** All SQL of the proofreading feature: the newsroom's dictionary. */
final class DictionaryStore {
  List<String> words(Transaction tx) {
    return tx.handle().createQuery("SELECT word FROM newsroom_word").mapTo(String.class).list();
  }

  boolean contains(Transaction tx, String word) {
    return tx.handle()
            .createQuery("SELECT COUNT(*) FROM newsroom_word WHERE word = :word")
            .bind("word", word)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  void add(Transaction tx, String word, Instant now) {
    tx.handle()
        .createUpdate("INSERT INTO newsroom_word (word, added_at) VALUES (:word, :at)")
        .bind("word", word)
        .bind("at", now.toEpochMilli())
        .execute();
  }

  /** Removes the word; true when it was there. */
  boolean remove(Transaction tx, String word) {
    return tx.handle()
            .createUpdate("DELETE FROM newsroom_word WHERE word = :word")
            .bind("word", word)
            .execute()
        > 0;
  }
}
