package org.broadsheet.article;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/** Authors as the newsroom keeps them: names, bios and the addresses told of comments. */
final class AuthorStore {
  /** The id of the section, author or tag named so, inserting it first when it is new. */
  static long idOf(Handle h, String table, String name, Consumer<String> insert) {
    String slug = Slugs.of(name);
    String select = "SELECT id FROM " + table + " WHERE slug = :slug";
    Optional<Long> existing = h.createQuery(select).bind("slug", slug).mapTo(Long.class).findOne();
    if (existing.isPresent()) {
      return existing.get();
    }
    insert.accept(slug);
    return h.createQuery(select).bind("slug", slug).mapTo(Long.class).one();
  }

  /** The author named so, added with an empty bio when new. */
  static long authorId(Transaction tx, String name) {
    Handle h = tx.handle();
    return idOf(
        h,
        "author",
        name,
        slug ->
            h.createUpdate("INSERT INTO author (slug, name, bio) VALUES (:slug, :name, '')")
                .bind("slug", slug)
                .bind("name", name)
                .execute());
  }

  void describe(Transaction tx, String name, String bio) {
    long id = authorId(tx, name);
    tx.handle()
        .createUpdate("UPDATE author SET bio = :bio WHERE id = :id")
        .bind("bio", bio)
        .bind("id", id)
        .execute();
    tx.record(ArticleService.AUTHOR_TOPIC, Slugs.of(name));
  }

  void describe(Transaction tx, String name, String bio, String jobTitle, List<String> expertise) {
    describe(tx, name, bio);
    tx.handle()
        .createUpdate(
            "UPDATE author SET job_title = :jobTitle, expertise = :expertise WHERE slug = :slug")
        .bind("jobTitle", jobTitle)
        .bind("expertise", String.join("\n", expertise))
        .bind("slug", Slugs.of(name))
        .execute();
  }

  /** The fields of expertise as stored: one a line. */
  static List<String> expertise(String stored) {
    return stored == null || stored.isBlank()
        ? List.of()
        : stored.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** Stores an author's profile; false when there is no author with this slug. */
  boolean describe(
      Transaction tx,
      String slug,
      String bio,
      String jobTitle,
      List<String> expertise,
      Long photoId) {
    boolean found =
        tx.handle()
                .createUpdate(
                    """
                    UPDATE author SET bio = :bio, job_title = :jobTitle, expertise = :expertise,
                      photo_id = :photo
                    WHERE slug = :slug
                    """)
                .bind("bio", bio)
                .bind("jobTitle", jobTitle)
                .bind("expertise", String.join("\n", expertise))
                .bind("photo", photoId)
                .bind("slug", slug)
                .execute()
            == 1;
    if (found) {
      tx.record(ArticleService.AUTHOR_TOPIC, slug);
    }
    return found;
  }

  List<String> emails(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery(
            """
            SELECT au.email FROM article_author aa JOIN author au ON au.id = aa.author_id
            WHERE aa.article_id = :id AND au.email <> '' ORDER BY aa.position
            """)
        .bind("id", articleId)
        .mapTo(String.class)
        .list();
  }

  boolean setEmail(Transaction tx, String slug, String email) {
    return tx.handle()
            .createUpdate("UPDATE author SET email = :email WHERE slug = :slug")
            .bind("email", email)
            .bind("slug", slug)
            .execute()
        == 1;
  }
}
