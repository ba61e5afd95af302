package org.broadsheet.media;

import java.util.Optional;
import org.broadsheet.media.MediaService.Picture;
import org.broadsheet.storage.Database;
import org.jdbi.v3.core.mapper.RowMapper;

/** All SQL of the media feature. */
final class MediaStore {
  static final RowMapper<Image> IMAGE =
      (rs, ctx) ->
          new Image(
              rs.getLong("id"),
              rs.getString("file_name"),
              rs.getString("content_type"),
              rs.getInt("width"),
              rs.getInt("height"),
              rs.getString("caption"),
              rs.getString("credit"),
              rs.getString("alt_text"));

  private final Database database;

  MediaStore(Database database) {
    this.database = database;
  }

  Optional<Image> byId(long id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM image WHERE id = :id")
                .bind("id", id)
                .map(IMAGE)
                .findOne());
  }

  Optional<Image> byFileName(String fileName) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM image WHERE file_name = :name")
                .bind("name", fileName)
                .map(IMAGE)
                .findOne());
  }

  /** The bytes of a picture file, by its public name. */
  Optional<Picture> file(String fileName) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT content_type, bytes FROM image_file WHERE file_name = :name")
                .bind("name", fileName)
                .map((rs, ctx) -> new Picture(rs.getString("content_type"), rs.getBytes("bytes")))
                .findOne());
  }

  Optional<Long> byteCount(String fileName) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT byte_count FROM image_file WHERE file_name = :name")
                .bind("name", fileName)
                .mapTo(Long.class)
                .findOne());
  }

  /**
   * Stores a picture file's bytes under its name; a name already stored keeps its bytes (names
   * carry a hash of the bytes, so they are the same), also when two nodes store it at once.
   */
  void saveFile(String fileName, String contentType, byte[] bytes, String sha256) {
    database.useTransaction(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO image_file
                      (file_name, content_type, byte_count, sha256, bytes, stored_at)
                    VALUES (:name, :type, :count, :sha256, :bytes, :at)
                    ON CONFLICT (file_name) DO NOTHING
                    """)
                .bind("name", fileName)
                .bind("type", contentType)
                .bind("count", (long) bytes.length)
                .bind("sha256", sha256)
                .bind("bytes", bytes)
                .bind("at", System.currentTimeMillis())
                .execute());
  }

  /**
   * Inserts the picture, or updates caption, credit and alt text of the same file; a text given
   * blank (a body figure that writes its own caption) keeps the stored one.
   */
  Image save(
      String fileName,
      String contentType,
      int width,
      int height,
      String caption,
      String credit,
      String altText) {
    return database.inTransaction(
        h -> {
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
        });
  }
}
