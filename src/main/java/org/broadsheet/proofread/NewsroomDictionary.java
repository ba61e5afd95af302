package org.broadsheet.proofread;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.storage.Database;

/**
 * The newsroom's dictionary: names of places, people and outlets that the spelling check must take
 * as written. Stored in the site's database, shared by everyone in the newsroom, and read at every
 * check, so a word added from the command line counts from the next check on.
 */
public final class NewsroomDictionary {
  /** The longest word the dictionary takes. */
  public static final int MAX_WORD_CHARS = 100;

  /** What came of adding or removing one word. */
  public sealed interface Change {
    String word();

    record Added(String word) implements Change {}

    record AlreadyThere(String word) implements Change {}

    record Removed(String word) implements Change {}

    record NotThere(String word) implements Change {}

    record Refused(String word, String reason) implements Change {}
  }

  private final Database database;
  private final DictionaryStore store = new DictionaryStore();

  public NewsroomDictionary(Database database) {
    this.database = database;
  }

  /** Every word, in alphabetical order whatever the database's collation. */
  public List<String> words() {
    return database.read(store::words).stream()
        .sorted(
            java.util.Comparator.comparing((String word) -> word.toLowerCase(java.util.Locale.ROOT))
                .thenComparing(java.util.Comparator.naturalOrder()))
        .toList();
  }

  /** The words as a set, for the proofreader. */
  Set<String> wordSet() {
    return new TreeSet<>(database.read(store::words));
  }

  public Change add(String word) {
    String problem = problemWith(word);
    if (problem != null) {
      return new Change.Refused(word, problem);
    }
    String kept = word.strip();
    return database.inTransaction(
        tx -> {
          if (store.contains(tx, kept)) {
            return new Change.AlreadyThere(kept);
          }
          store.add(tx, kept, Instant.now());
          return new Change.Added(kept);
        });
  }

  public Change remove(String word) {
    String kept = word.strip();
    return database.inTransaction(tx -> store.remove(tx, kept))
        ? new Change.Removed(kept)
        : new Change.NotThere(kept);
  }

  /**
   * Why a word cannot go in the dictionary, or null. One word at a time: the spelling check reads
   * words, so "Deir ez-Zor" goes in as "Deir" and "ez-Zor".
   */
  static String problemWith(String word) {
    String kept = word.strip();
    if (kept.isEmpty()) {
      return "a word must have letters";
    }
    if (kept.length() > MAX_WORD_CHARS) {
      return "a word may be at most " + MAX_WORD_CHARS + " characters";
    }
    if (kept.codePoints().anyMatch(Character::isWhitespace)) {
      return "one word at a time: add \"" + kept.replaceAll("\\s+", "\" and \"") + "\" apart";
    }
    if (kept.codePoints().noneMatch(Character::isLetter)) {
      return "a word must have letters";
    }
    return null;
  }
}
