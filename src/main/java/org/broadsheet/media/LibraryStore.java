package org.broadsheet.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/** The SQL of the newsroom's picture library: finding, listing and editing stored pictures. */
final class LibraryStore {
  private static final String COLUMNS =
      """
      id, file_name, content_type, width, height, caption, credit, alt_text, copies_recipe,
      expires_at, creator, copyright_notice, source, usage_terms, uploaded_by, uploaded_at
      """;

  Optional<PictureDetails> byId(Transaction tx, long id) {
    return tx.handle()
        .createQuery("SELECT " + COLUMNS + " FROM image WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> details(rs))
        .findOne();
  }

  Optional<Long> idOf(Transaction tx, String fileName) {
    return tx.handle()
        .createQuery("SELECT id FROM image WHERE file_name = :name")
        .bind("name", fileName)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Pictures whose caption, credit or creator contains the words (all of them, in any of those),
   * newest first.
   */
  List<PictureDetails> search(Transaction tx, List<String> words, int offset, int limit) {
    StringBuilder where = new StringBuilder("1 = 1");
    for (int i = 0; i < words.size(); i++) {
      where.append(
          " AND (LOWER(caption) LIKE :w%1$d ESCAPE '!' OR LOWER(credit) LIKE :w%1$d ESCAPE '!'"
                  .formatted(i)
              + " OR LOWER(creator) LIKE :w%1$d ESCAPE '!')".formatted(i));
    }
    var query =
        tx.handle()
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM image WHERE "
                    + where
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
            .bind("limit", limit)
            .bind("offset", offset);
    for (int i = 0; i < words.size(); i++) {
      String escaped = words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_");
      query.bind("w" + i, "%" + escaped + "%");
    }
    return query.map((rs, ctx) -> details(rs)).list();
  }

  /** Pictures whose right to be shown ends after one time and up to another, soonest first. */
  List<PictureDetails> expiring(Transaction tx, Instant after, Instant upTo) {
    return tx.handle()
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM image WHERE expires_at > :after AND expires_at <= :upTo"
                + " ORDER BY expires_at, id")
        .bind("after", after.toEpochMilli())
        .bind("upTo", upTo.toEpochMilli())
        .map((rs, ctx) -> details(rs))
        .list();
  }

  void markUploaded(Transaction tx, long id, long uploadedBy, Instant at) {
    tx.handle()
        .createUpdate(
            """
            UPDATE image SET uploaded_by = :by, uploaded_at = :at
            WHERE id = :id AND uploaded_by IS NULL
            """)
        .bind("id", id)
        .bind("by", uploadedBy)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  /** Sets a picture's default texts, rights and expiry; its copies stay. */
  void edit(Transaction tx, long id, PictureEdit edit) {
    tx.handle()
        .createUpdate(
            """
            UPDATE image SET caption = :caption, alt_text = :alt, creator = :creator,
              credit = :credit, copyright_notice = :copyright, source = :source,
              usage_terms = :terms, expires_at = :expires
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("caption", edit.caption())
        .bind("alt", edit.altText())
        .bind("creator", edit.creator())
        .bind("credit", edit.credit())
        .bind("copyright", edit.copyright())
        .bind("source", edit.source())
        .bind("terms", edit.usageTerms())
        .bind("expires", edit.expires() == null ? null : edit.expires().toEpochMilli())
        .execute();
  }

  /**
   * Points a picture at copies made anew (its rights changed, and the copies carry them), and stops
   * serving its former copies, which carried the former rights.
   */
  void replaceCopies(
      Transaction tx, long id, List<String> formerNames, String fileName, int width, int height) {
    Handle h = tx.handle();
    h.createUpdate(
            "UPDATE image SET file_name = :name, width = :width, height = :height WHERE id = :id")
        .bind("id", id)
        .bind("name", fileName)
        .bind("width", width)
        .bind("height", height)
        .execute();
    h.createUpdate("DELETE FROM image_file WHERE file_name IN (<names>)")
        .bindList("names", formerNames)
        .execute();
  }

  private static PictureDetails details(ResultSet rs) throws SQLException {
    return new PictureDetails(
        MediaStore.image(rs, ""),
        MediaStore.rightsIn(rs),
        rs.getObject("uploaded_by") == null ? null : rs.getLong("uploaded_by"),
        instant(rs, "uploaded_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null ? null : Instant.ofEpochMilli(rs.getLong(column));
  }
}
