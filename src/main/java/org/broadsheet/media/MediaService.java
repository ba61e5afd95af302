package org.broadsheet.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores pictures, their bytes included, in the database, so every node of a site serves every
 * picture whichever node or command imported it.
 */
public final class MediaService {
  /** Largest picture file accepted. */
  public static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

  /** What a picture file is, read before anything is stored. */
  public record Inspected(
      Path file, String contentType, String extension, int width, int height, String sha256) {}

  /** The outcome of inspecting a file: a usable picture, or why not. */
  public sealed interface Inspection {
    record Usable(Inspected picture) implements Inspection {}

    record Unusable(String reason) implements Inspection {}
  }

  /** A picture file as served: its content type and bytes. */
  public record Picture(String contentType, byte[] bytes) {}

  private static final Logger log = LoggerFactory.getLogger(MediaService.class);
  private static final Pattern PUBLIC_NAME = Pattern.compile("[a-z0-9-]+\\.[a-z0-9]+");
  private static final long LOCAL_CACHE_BYTES = 32L * 1024 * 1024;

  private final Database database;
  private final MediaStore store = new MediaStore();
  private final Path mediaFolder;
  private final Cache<String, Picture> recent =
      Caffeine.newBuilder()
          .maximumWeight(LOCAL_CACHE_BYTES)
          .<String, Picture>weigher((name, picture) -> picture.bytes().length)
          .build();

  /**
   * @param dataFolder where an earlier version kept pictures, in media/; see {@link
   *     #moveFolderIntoDatabase}
   */
  public MediaService(Database database, Path dataFolder) {
    this.database = database;
    this.mediaFolder = dataFolder.resolve("media");
  }

  public Optional<Image> find(long id) {
    return database.read(tx -> store.byId(tx, id));
  }

  /**
   * The columns of the image table for another feature's query that joins it as {@code alias} (a
   * lead picture beside its article), read back with {@link #imageIn}.
   */
  public static String imageColumns(String alias) {
    return MediaStore.columns(alias);
  }

  /** The picture joined as {@code alias} in this row, or null when the row has none. */
  public static Image imageIn(ResultSet row, String alias) throws SQLException {
    return MediaStore.image(row, alias + "_");
  }

  public Inspection inspect(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Inspection.Unusable("no such file: " + file);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_IMAGE_BYTES) {
        return new Inspection.Unusable(
            "%s is %,d bytes; pictures may be at most %,d bytes"
                .formatted(file, size, MAX_IMAGE_BYTES));
      }
      try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
        Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
        if (readers == null || !readers.hasNext()) {
          return new Inspection.Unusable(
              file + " is not a picture Broadsheet can read (JPEG, PNG, GIF, WebP)");
        }
        ImageReader reader = readers.next();
        try {
          reader.setInput(input);
          String format = reader.getFormatName().toLowerCase(Locale.ROOT);
          String extension = format.equals("jpeg") ? "jpg" : format;
          return new Inspection.Usable(
              new Inspected(
                  file,
                  "image/" + format,
                  extension,
                  reader.getWidth(0),
                  reader.getHeight(0),
                  sha256(file)));
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException e) {
      return new Inspection.Unusable(file + " could not be read as a picture: " + e.getMessage());
    }
  }

  /**
   * Stores an inspected picture in the database, within the caller's transaction, under a name made
   * of its own name and a hash of its bytes, and records it; storing the same file again only
   * updates its texts.
   */
  public Image store(
      Transaction tx, Inspected picture, String caption, String credit, String altText) {
    String base =
        picture
            .file()
            .getFileName()
            .toString()
            .replaceFirst("\\.[^.]*$", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    if (base.length() > 60) {
      base = base.substring(0, 60).replaceAll("-+$", "");
    }
    String fileName =
        (base.isEmpty() ? "image" : base)
            + "-"
            + picture.sha256().substring(0, 12)
            + "."
            + picture.extension();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(picture.file());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not store " + picture.file() + ": " + e.getMessage(), e);
    }
    if (!sha256(bytes).equals(picture.sha256())) {
      throw new IllegalStateException(
          picture.file() + " changed while it was being imported; import it again");
    }
    store.saveFile(tx, fileName, picture.contentType(), bytes, picture.sha256());
    return store.save(
        tx,
        fileName,
        picture.contentType(),
        picture.width(),
        picture.height(),
        caption,
        credit,
        altText);
  }

  /**
   * The picture behind a public media name, if it is one of ours. Names carry a hash of the bytes,
   * so a picture once read never changes and is kept in a small local cache.
   */
  public Optional<Picture> picture(String fileName) {
    if (!PUBLIC_NAME.matcher(fileName).matches()) {
      return Optional.empty();
    }
    Picture cached = recent.getIfPresent(fileName);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Picture> stored = database.read(tx -> store.file(tx, fileName));
    stored.ifPresent(picture -> recent.put(fileName, picture));
    return stored;
  }

  /** How many bytes the picture behind a public media name has, read without its bytes. */
  public Optional<Long> size(String fileName) {
    Picture cached = recent.getIfPresent(fileName);
    return cached != null
        ? Optional.of((long) cached.bytes().length)
        : database.read(tx -> store.byteCount(tx, fileName));
  }

  /**
   * Moves the pictures an earlier version kept in the data folder's media/ into the database, so
   * that every node serves them. A file is deleted only once the database holds the same bytes
   * under its name; anything else is left where it is. Safe to run on every start.
   *
   * @return how many files were moved
   */
  public int moveFolderIntoDatabase() {
    if (!Files.isDirectory(mediaFolder)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(mediaFolder)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Could not read " + mediaFolder + ": " + e, e);
    }
    int moved = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!PUBLIC_NAME.matcher(name).matches()) {
        log.warn("Left {} in place: not a picture name Broadsheet gives", file);
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(file);
        Optional<Picture> stored =
            database.inTransaction(
                tx -> {
                  store.saveFile(tx, name, contentTypeOf(name), bytes, sha256(bytes));
                  return store.file(tx, name);
                });
        if (stored.isPresent() && Arrays.equals(stored.get().bytes(), bytes)) {
          Files.deleteIfExists(file);
          moved++;
        } else {
          log.warn("Left {} in place: the database holds other bytes under its name", file);
        }
      } catch (IOException e) {
        log.warn("Left {} in place: {}", file, e.toString());
      }
    }
    try {
      Files.deleteIfExists(mediaFolder);
    } catch (IOException e) {
      // Not empty: what was left in it was logged above.
    }
    if (moved > 0) {
      log.info("Moved {} pictures from {} into the database", moved, mediaFolder);
    }
    return moved;
  }

  /** The content type of a picture an earlier version stored, by its extension. */
  private static String contentTypeOf(String fileName) {
    return switch (fileName.substring(fileName.lastIndexOf('.') + 1)) {
      case "jpg" -> "image/jpeg";
      case "png" -> "image/png";
      case "gif" -> "image/gif";
      case "webp" -> "image/webp";
      default -> "application/octet-stream";
    };
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
