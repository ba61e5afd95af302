package org.broadsheet.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.broadsheet.media.MediaService.Picture;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.mapper.RowMapper;

/** All SQL of the media feature, and how other features' SQL reads the image table. */
final class MediaStore {
  private static final String[] COLUMNS = {
    "id", "file_name", "content_type", "width", "height", "caption", "credit", "alt_text"
  };

  static final RowMapper<Image> IMAGE = (rs, ctx) -> image(rs, "");

  /**
   * The image table's columns for a query that joins it as {@code alias}, each named with the
   * prefix {@code alias_} so that {@link #image(ResultSet, String)} can read them beside others.
   */
  static String columns(String alias) {
    StringBuilder columns = new StringBuilder();
    for (String column : COLUMNS) {
      if (!columns.isEmpty()) {
        columns.append(", ");
      }
      columns.append(alias).append('.').append(column).append(" AS ");
      columns.append(alias).append('_').append(column);
    }
    return columns.toString();
  }

  /** The picture in a row, its columns named with this prefix; null when the join found none. */
  static Image image(ResultSet rs, String prefix) throws SQLException {
    if (rs.getObject(prefix + "id") == null) {
      return null;
    }
    return new Image(
        rs.getLong(prefix + "id"),
        rs.getString(prefix + "file_name"),
        rs.getString(prefix + "content_type"),
        rs.getInt(prefix + "width"),
        rs.getInt(prefix + "height"),
        rs.getString(prefix + "caption"),
        rs.getString(prefix + "credit"),
        rs.getString(prefix + "alt_text"));
  }

  Optional<Image> byId(Transaction tx, long id) {
    return tx.handle()
        .createQuery("SELECT * FROM image WHERE id = :id")
        .bind("id", id)
        .map(IMAGE)
        .findOne();
  }

  /** The bytes of a picture file, by its public name. */
  Optional<Picture> file(Transaction tx, String fileName) {
    return tx.handle()
        .createQuery("SELECT content_type, bytes FROM image_file WHERE file_name = :name")
        .bind("name", fileName)
        .map((rs, ctx) -> new Picture(rs.getString("content_type"), rs.getBytes("bytes")))
        .findOne();
  }

  Optional<Long> byteCount(Transaction tx, String fileName) {
    return tx.handle()
        .createQuery("SELECT byte_count FROM image_file WHERE file_name = :name")
        .bind("name", fileName)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Stores a picture file's bytes under its name; a name already stored keeps its bytes (names
   * carry a hash of the bytes, so they are the same), also when two nodes store it at once.
   */
  void saveFile(Transaction tx, String fileName, String contentType, byte[] bytes, String sha256) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO image_file (file_name, content_type, byte_count, sha256, bytes, stored_at)
            VALUES (:name, :type, :count, :sha256, :bytes, :at)
            ON CONFLICT (file_name) DO NOTHING
            """)
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("count", (long) bytes.length)
        .bind("sha256", sha256)
        .bind("bytes", bytes)
        .bind("at", System.currentTimeMillis())
        .execute();
  }

  /**
   * Inserts the picture, or updates caption, credit and alt text of the same file; a text given
   * blank (a body figure that writes its own caption) keeps the stored one.
   */
  Image save(
      Transaction tx,
      String fileName,
      String contentType,
      int width,
      int height,
      String caption,
      String credit,
      String altText) {
    var h = tx.handle();
    int updated =
        h.createUpdate(
                """
                UPDATE image SET caption = COALESCE(NULLIF(:caption, ''), caption),
                  credit = COALESCE(NULLIF(:credit, ''), credit),
                  alt_text = COALESCE(NULLIF(:alt, ''), alt_text)
                WHERE file_name = :name
                """)
            .bind("name", fileName)
            .bind("caption", caption)
            .bind("credit", credit)
            .bind("alt", altText)
            .execute();
    if (updated == 0) {
      h.createUpdate(
              """
              INSERT INTO image (file_name, content_type, width, height, caption, credit, alt_text)
              VALUES (:name, :type, :width, :height, :caption, :credit, :alt)
              """)
          .bind("name", fileName)
          .bind("type", contentType)
          .bind("width", width)
          .bind("height", height)
          .bind("caption", caption)
          .bind("credit", credit)
          .bind("alt", altText)
          .execute();
    }
    return h.createQuery("SELECT * FROM image WHERE file_name = :name")
        .bind("name", fileName)
        .map(IMAGE)
        .one();
  }
}
