package org.broadsheet.proofread;

import java.time.Instant;
import java.util.List;
import org.broadsheet.storage.Database;

/** All SQL of the proofreading feature: the newsroom's dictionary. */
final class DictionaryStore {
  private final Database database;

  DictionaryStore(Database database) {
    this.database = database;
  }

  List<String> words() {
    return database.withHandle(
        h -> h.createQuery("SELECT word FROM newsroom_word").mapTo(String.class).list());
  }

  /** Adds the word unless it is there already; true when it was added. */
  boolean add(String word, Instant now) {
    return database.inTransaction(
        h -> {
          boolean known =
              h.createQuery("SELECT COUNT(*) FROM newsroom_word WHERE word = :word")
                      .bind("word", word)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (known) {
            return false;
          }
          h.createUpdate("INSERT INTO newsroom_word (word, added_at) VALUES (:word, :at)")
              .bind("word", word)
              .bind("at", now.toEpochMilli())
              .execute();
          return true;
        });
  }

  /** Removes the word; true when it was there. */
  boolean remove(String word) {
    return database.inTransaction(
        h ->
            h.createUpdate("DELETE FROM newsroom_word WHERE word = :word")
                    .bind("word", word)
                    .execute()
                > 0);
  }
}
