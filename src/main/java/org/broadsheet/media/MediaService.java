package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.broadsheet.storage.Database;

/** Stores pictures in the data folder's media/ and records them in the database. */
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

  private final MediaStore store;
  private final Path mediaFolder;

  public MediaService(Database database, Path dataFolder) {
    this.store = new MediaStore(database);
    this.mediaFolder = dataFolder.resolve("media");
  }

  public Optional<Image> find(long id) {
    return store.byId(id);
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
   * Copies an inspected picture into the media folder under a name made of its own name and a hash
   * of its bytes, and records it; storing the same file again only updates its texts.
   */
  public Image store(Inspected picture, String caption, String credit, String altText) {
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
    Path target = mediaFolder.resolve(fileName);
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(mediaFolder);
        Path partial = Files.createTempFile(mediaFolder, fileName, ".part");
        Files.copy(picture.file(), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not store " + picture.file() + ": " + e.getMessage(), e);
    }
    return store.save(
        fileName,
        picture.contentType(),
        picture.width(),
        picture.height(),
        caption,
        credit,
        altText);
  }

  /** The stored file for a public media name, if it is one of ours. */
  public Optional<Path> file(String fileName) {
    if (!fileName.matches("[a-z0-9-]+\\.[a-z0-9]+")) {
      return Optional.empty();
    }
    Path file = mediaFolder.resolve(fileName);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
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
