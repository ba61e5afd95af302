package org.broadsheet.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.media.MediaService.Picture;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** All SQL of the media feature, and how other features' SQL reads the image table. */
final class MediaStore {
  private static final String[] COLUMNS = {
    "id",
    "file_name",
    "content_type",
    "width",
    "height",
    "caption",
    "credit",
    "alt_text",
    "copies_recipe",
    "expires_at"
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
        rs.getString(prefix + "alt_text"),
        rs.getInt(prefix + "copies_recipe") > 0,
        rs.getObject(prefix + "expires_at") == null
            ? null
            : Instant.ofEpochMilli(rs.getLong(prefix + "expires_at")));
  }

  /** A crop's columns for a query that joins image_crop as {@code alias}, as {@link #columns}. */
  static String cropColumns(String alias) {
    StringBuilder columns = new StringBuilder();
    for (String column : List.of("file_name", "content_type", "width", "height")) {
      if (!columns.isEmpty()) {
        columns.append(", ");
      }
      columns.append(alias).append('.').append(column).append(" AS ");
      columns.append(alias).append('_').append(column);
    }
    return columns.toString();
  }

  /** The picture as the crop in this row shows it; the picture itself when the row has none. */
  static Image cropped(ResultSet rs, String prefix, Image picture, String alt) throws SQLException {
    String fileName = rs.getString(prefix + "file_name");
    if (picture == null || fileName == null) {
      return null;
    }
    return picture.cropped(
        fileName,
        rs.getString(prefix + "content_type"),
        rs.getInt(prefix + "width"),
        rs.getInt(prefix + "height"),
        alt);
  }

  /** The copies made of this crop of the picture whose widest copy has this name, if made. */
  Optional<Image> crop(Transaction tx, Image picture, Crop crop) {
    return tx.handle()
        .createQuery(
            """
            SELECT file_name, content_type, width, height FROM image_crop
            WHERE source_file = :source AND ratio = :ratio AND focus_x = :x AND focus_y = :y
            """)
        .bind("source", picture.fileName())
        .bind("ratio", crop.ratio())
        .bind("x", crop.focusX())
        .bind("y", crop.focusY())
        .map((rs, ctx) -> cropped(rs, "", picture, null))
        .findOne();
  }

  /**
   * Stops serving the crops made of the picture whose widest copy had this name (it has new copies,
   * carrying other rights): their copies and records are deleted.
   *
   * @return the names of the copies deleted
   */
  List<String> dropCrops(Transaction tx, String sourceFile) {
    Handle h = tx.handle();
    List<String> names = new java.util.ArrayList<>();
    h.createQuery("SELECT file_name, width FROM image_crop WHERE source_file = :source")
        .bind("source", sourceFile)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .forEach(
            crop -> {
              for (int width : Image.widthsFor(crop.getValue())) {
                names.add(
                    width == crop.getValue()
                        ? crop.getKey()
                        : Image.copyName(crop.getKey(), width));
              }
            });
    if (!names.isEmpty()) {
      h.createUpdate("DELETE FROM image_file WHERE file_name IN (<names>)")
          .bindList("names", names)
          .execute();
    }
    h.createUpdate("DELETE FROM image_crop WHERE source_file = :source")
        .bind("source", sourceFile)
        .execute();
    return names;
  }

  /** Records the copies of a crop; a crop already recorded (by another node) is kept. */
  void saveCrop(
      Transaction tx,
      String sourceFile,
      Crop crop,
      String fileName,
      String contentType,
      int width,
      int height) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO image_crop (source_file, ratio, focus_x, focus_y, file_name, content_type,
              width, height, made_at)
            VALUES (:source, :ratio, :x, :y, :name, :type, :width, :height, :at)
            ON CONFLICT (source_file, ratio, focus_x, focus_y) DO NOTHING
            """)
        .bind("source", sourceFile)
        .bind("ratio", crop.ratio())
        .bind("x", crop.focusX())
        .bind("y", crop.focusY())
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("width", width)
        .bind("height", height)
        .bind("at", System.currentTimeMillis())
        .execute();
  }

  /** A picture's rights, from a row of {@code image}. */
  static Rights rightsIn(ResultSet rs) throws SQLException {
    return new Rights(
        rs.getString("creator"),
        rs.getString("credit"),
        rs.getString("copyright_notice"),
        rs.getString("source"),
        rs.getString("usage_terms"),
        rs.getObject("expires_at") == null ? null : Instant.ofEpochMilli(rs.getLong("expires_at")));
  }

  /** The rights a picture's copies carry. */
  Optional<Rights> rightsOf(Transaction tx, long id) {
    return tx.handle()
        .createQuery(
            """
            SELECT creator, credit, copyright_notice, source, usage_terms, expires_at
            FROM image WHERE id = :id
            """)
        .bind("id", id)
        .map((rs, ctx) -> rightsIn(rs))
        .findOne();
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

  /** Keeps a picture file as it came in, privately; the same bytes are kept once. */
  void saveOriginal(Transaction tx, String sha256, String contentType, byte[] bytes) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO image_original (sha256, content_type, byte_count, bytes, stored_at)
            VALUES (:sha256, :type, :count, :bytes, :at)
            ON CONFLICT (sha256) DO NOTHING
            """)
        .bind("sha256", sha256)
        .bind("type", contentType)
        .bind("count", (long) bytes.length)
        .bind("bytes", bytes)
        .bind("at", System.currentTimeMillis())
        .execute();
  }

  Optional<byte[]> original(Transaction tx, String sha256) {
    return tx.handle()
        .createQuery("SELECT bytes FROM image_original WHERE sha256 = :sha256")
        .bind("sha256", sha256)
        .mapTo(byte[].class)
        .findOne();
  }

  /** A picture's public name and the bytes of the file it came as, when that is stored. */
  Optional<java.util.Map.Entry<String, byte[]>> originalOf(Transaction tx, long id) {
    return tx.handle()
        .createQuery(
            """
            SELECT i.file_name, o.bytes FROM image i
            JOIN image_original o ON o.sha256 = i.original_sha256
            WHERE i.id = :id
            """)
        .bind("id", id)
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getBytes(2)))
        .findOne();
  }

  /** A stored picture whose copies are missing or were made with an older recipe. */
  record Unmade(long id, String fileName, String originalSha256, Rights rights) {}

  List<Unmade> unmade(Transaction tx, int recipe) {
    return tx.handle()
        .createQuery(
            """
            SELECT id, file_name, original_sha256, creator, credit, copyright_notice, source,
              usage_terms, expires_at
            FROM image WHERE copies_recipe < :recipe ORDER BY id
            """)
        .bind("recipe", recipe)
        .map(
            (rs, ctx) ->
                new Unmade(
                    rs.getLong("id"),
                    rs.getString("file_name"),
                    rs.getString("original_sha256"),
                    rightsIn(rs)))
        .list();
  }

  /**
   * Points a picture stored by an earlier version at its clean copies, and stops serving the file
   * it came as, unless the copies' name is that file's.
   */
  void madeCopies(
      Transaction tx,
      long id,
      String oldName,
      String fileName,
      String contentType,
      int width,
      int height,
      String originalSha256,
      int recipe) {
    Handle h = tx.handle();
    h.createUpdate(
            """
            UPDATE image SET file_name = :name, content_type = :type, width = :width,
              height = :height, original_sha256 = :sha256, copies_recipe = :recipe
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("name", fileName)
        .bind("type", contentType)
        .bind("width", width)
        .bind("height", height)
        .bind("sha256", originalSha256)
        .bind("recipe", recipe)
        .execute();
    if (!oldName.equals(fileName)) {
      h.createUpdate(
              """
              DELETE FROM image_file WHERE file_name = :old
              AND NOT EXISTS (SELECT 1 FROM image WHERE file_name = :old)
              """)
          .bind("old", oldName)
          .execute();
    }
  }

  /**
   * Inserts the picture, or completes the record of the same copies: its default caption and alt
   * text are those of its first use that gave them (each use keeps its own, stored with the use),
   * and terms or an expiry not given keep the stored ones.
   */
  Image save(
      Transaction tx,
      String fileName,
      String contentType,
      int width,
      int height,
      String originalSha256,
      int recipe,
      Rights rights,
      String caption,
      String altText) {
    Handle h = tx.handle();
    Long expires = rights.expires() == null ? null : rights.expires().toEpochMilli();
    int updated =
        h.createUpdate(
                """
                UPDATE image SET
                  caption = CASE WHEN caption = '' THEN :caption ELSE caption END,
                  credit = COALESCE(NULLIF(:credit, ''), credit),
                  alt_text = CASE WHEN alt_text = '' THEN :alt ELSE alt_text END,
                  usage_terms = COALESCE(NULLIF(:terms, ''), usage_terms),
                  expires_at = COALESCE(:expires, expires_at)
                WHERE file_name = :name
                """)
            .bind("name", fileName)
            .bind("caption", caption)
            .bind("credit", rights.credit())
            .bind("alt", altText)
            .bind("terms", rights.usageTerms())
            .bind("expires", expires)
            .execute();
    if (updated == 0) {
      h.createUpdate(
              """
              INSERT INTO image (file_name, content_type, width, height, caption, credit, alt_text,
                creator, copyright_notice, source, usage_terms, expires_at, original_sha256,
                copies_recipe)
              VALUES (:name, :type, :width, :height, :caption, :credit, :alt, :creator,
                :copyright, :source, :terms, :expires, :sha256, :recipe)
              """)
          .bind("name", fileName)
          .bind("type", contentType)
          .bind("width", width)
          .bind("height", height)
          .bind("caption", caption)
          .bind("credit", rights.credit())
          .bind("alt", altText)
          .bind("creator", rights.creator())
          .bind("copyright", rights.copyright())
          .bind("source", rights.source())
          .bind("terms", rights.usageTerms())
          .bind("expires", expires)
          .bind("sha256", originalSha256)
          .bind("recipe", recipe)
          .execute();
    }
    return h.createQuery("SELECT * FROM image WHERE file_name = :name")
        .bind("name", fileName)
        .map(IMAGE)
        .one();
  }

  /** Whether the right to show some picture ends after one time and up to another. */
  boolean anyExpiring(Transaction tx, Instant after, Instant upTo) {
    return tx.handle()
            .createQuery(
                "SELECT COUNT(*) FROM image WHERE expires_at > :after AND expires_at <= :upTo")
            .bind("after", after.toEpochMilli())
            .bind("upTo", upTo.toEpochMilli())
            .mapTo(Long.class)
            .one()
        > 0;
  }
}
