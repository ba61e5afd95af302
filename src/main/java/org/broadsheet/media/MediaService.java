package org.broadsheet.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  public static final long MAX_IMAGE_BYTES = PictureIntake.MAX_BYTES;

  /**
   * A picture checked and its clean copies made, ready to store: nothing is written yet. Its rights
   * are those given, each blank one filled from the file's own IPTC/XMP.
   */
  public record Prepared(
      String fileName,
      PictureIntake.Checked original,
      String sha256,
      List<CleanCopies.Copy> copies,
      Rights rights,
      String embeddedCaption) {
    public int width() {
      return copies.getFirst().width();
    }

    public int height() {
      return copies.getFirst().height();
    }

    public String contentType() {
      return copies.getFirst().format().contentType;
    }
  }

  /** The outcome of preparing a file: a picture ready to store, or why it is refused. */
  public sealed interface Preparation {
    record Ready(Prepared picture) implements Preparation {}

    record Refused(String reason) implements Preparation {}
  }

  /** A picture file as served: its content type and bytes. */
  public record Picture(String contentType, byte[] bytes) {}

  /** The change-log topic of a picture's copies made anew: every page may show it. */
  public static final String TOPIC = "picture";

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

  /** The columns of a crop's copies for a query that joins image_crop as {@code alias}. */
  public static String cropColumns(String alias) {
    return MediaStore.cropColumns(alias);
  }

  /**
   * The picture as the crop joined as {@code alias} shows it, with this alt text (null: the
   * picture's as used); null when the row has no crop made.
   */
  public static Image croppedIn(ResultSet row, String alias, Image picture, String alt)
      throws SQLException {
    return MediaStore.cropped(row, alias + "_", picture, alt);
  }

  /** The copies of a crop of a picture when they are made; nothing is made here. */
  public Optional<Image> madeCrop(long imageId, Crop crop) {
    return database.read(tx -> store.byId(tx, imageId).flatMap(p -> store.crop(tx, p, crop)));
  }

  /**
   * The copies of a crop of a picture, made once per picture (its copies, with their rights) and
   * crop, as every copy is: from the kept original, upright, in sRGB, re-encoded without the file's
   * metadata, carrying the picture's rights, in each width the crop is wider than, under a name
   * that hashes all of it. Slow the first time (made outside any transaction, then stored in one);
   * empty when the picture or its original is not stored, or the original can no longer be read.
   */
  public Optional<Image> crop(long imageId, Crop crop) {
    Optional<Image> picture = find(imageId);
    if (picture.isEmpty()) {
      return Optional.empty();
    }
    Optional<Image> made = database.read(tx -> store.crop(tx, picture.get(), crop));
    if (made.isPresent()) {
      return made;
    }
    Optional<Original> original = original(imageId);
    Optional<Rights> rights = database.read(tx -> store.rightsOf(tx, imageId));
    if (original.isEmpty() || rights.isEmpty()) {
      log.warn("Picture {} has no stored original to crop", imageId);
      return Optional.empty();
    }
    if (!(PictureIntake.check(original.get().name(), original.get().bytes())
        instanceof PictureIntake.Outcome.Accepted accepted)) {
      log.warn("Picture {} can no longer be taken in to crop", imageId);
      return Optional.empty();
    }
    PictureIntake.Checked checked = accepted.picture();
    List<CleanCopies.Copy> copies;
    try {
      copies =
          CleanCopies.make(
              checked, EmbeddedMetadata.of(checked.bytes()).orientation(), rights.get(), crop);
    } catch (IOException | RuntimeException e) {
      log.warn("Picture {} could not be cropped: {}", imageId, e.toString());
      return Optional.empty();
    }
    Rights given = rights.get();
    String hash =
        sha256(
            String.join(
                    "\n",
                    sha256(checked.bytes()),
                    Integer.toString(CleanCopies.RECIPE),
                    given.creator(),
                    given.credit(),
                    given.copyright(),
                    given.source(),
                    given.usageTerms(),
                    "crop " + crop.key())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String base = picture.get().fileName().replaceFirst("-[0-9a-f]{12}\\.[a-z0-9]+$", "");
    String fileName =
        base + "-" + hash.substring(0, 12) + "." + copies.getFirst().format().extension;
    CleanCopies.Copy widest = copies.getFirst();
    return Optional.ofNullable(
        database.inTransaction(
            tx -> {
              saveCopies(tx, fileName, copies);
              store.saveCrop(
                  tx,
                  picture.get().fileName(),
                  crop,
                  fileName,
                  widest.format().contentType,
                  widest.width(),
                  widest.height());
              tx.record(TOPIC, Long.toString(imageId));
              return store.crop(tx, picture.get(), crop).orElse(null);
            }));
  }

  /**
   * Checks a picture file ({@link PictureIntake}) and makes its clean copies ({@link CleanCopies});
   * slow work, done before any transaction is opened.
   */
  public Preparation prepare(Path file, Rights given) {
    return switch (PictureIntake.check(file)) {
      case PictureIntake.Outcome.Refused refused -> new Preparation.Refused(refused.reason());
      case PictureIntake.Outcome.Accepted accepted ->
          prepare(accepted.picture(), baseName(file.getFileName().toString()), given, true);
    };
  }

  /** As {@link #prepare(Path, Rights)}, for a file handed in as bytes (an upload). */
  Preparation prepare(String fileName, byte[] bytes, Rights given) {
    return switch (PictureIntake.check(fileName, bytes)) {
      case PictureIntake.Outcome.Refused refused -> new Preparation.Refused(refused.reason());
      case PictureIntake.Outcome.Accepted accepted ->
          prepare(accepted.picture(), baseName(fileName), given, true);
    };
  }

  /**
   * Copies carrying exactly these rights, none taken from the file (a picture whose rights the
   * newsroom edited).
   */
  Preparation prepareExactly(String fileName, byte[] bytes, Rights rights) {
    return switch (PictureIntake.check(fileName, bytes)) {
      case PictureIntake.Outcome.Refused refused -> new Preparation.Refused(refused.reason());
      case PictureIntake.Outcome.Accepted accepted ->
          prepare(accepted.picture(), baseName(fileName), rights, false);
    };
  }

  private Preparation prepare(
      PictureIntake.Checked checked, String base, Rights given, boolean fillFromFile) {
    EmbeddedMetadata embedded = EmbeddedMetadata.of(checked.bytes());
    Rights rights = fillFromFile ? given.orFrom(embedded) : given;
    List<CleanCopies.Copy> copies;
    try {
      copies = CleanCopies.make(checked, embedded.orientation(), rights);
    } catch (IOException | RuntimeException e) {
      return new Preparation.Refused(
          checked.name()
              + " could not be decoded as a "
              + checked.format()
              + ": "
              + e.getMessage());
    }
    String sha256 = sha256(checked.bytes());
    // The name is a hash of everything the copies are made from: the file, the recipe and the
    // rights written into them; the same picture with other rights gets other names.
    String hash =
        sha256(
            String.join(
                    "\n",
                    sha256,
                    Integer.toString(CleanCopies.RECIPE),
                    rights.creator(),
                    rights.credit(),
                    rights.copyright(),
                    rights.source(),
                    rights.usageTerms())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String fileName =
        base + "-" + hash.substring(0, 12) + "." + copies.getFirst().format().extension;
    return new Preparation.Ready(
        new Prepared(fileName, checked, sha256, copies, rights, embedded.caption()));
  }

  private static String baseName(String name) {
    String base =
        name.replaceFirst("\\.[^.]*$", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    if (base.length() > 60) {
      base = base.substring(0, 60).replaceAll("-+$", "");
    }
    return base.isEmpty() ? "image" : base;
  }

  /**
   * Stores a prepared picture within the caller's transaction: its original privately, its copies
   * to serve, and its record; storing the same copies again only updates its texts. A blank caption
   * is the file's own.
   */
  public Image store(Transaction tx, Prepared picture, String caption, String altText) {
    store.saveOriginal(
        tx, picture.sha256(), picture.original().format().contentType, picture.original().bytes());
    saveCopies(tx, picture.fileName(), picture.copies());
    return store.save(
        tx,
        picture.fileName(),
        picture.contentType(),
        picture.width(),
        picture.height(),
        picture.sha256(),
        CleanCopies.RECIPE,
        picture.rights(),
        caption.isBlank() ? picture.embeddedCaption() : caption,
        altText);
  }

  /** A picture's file as it came in, named as its copies are but for their hash. */
  record Original(String name, byte[] bytes) {}

  Optional<Original> original(long id) {
    return database.read(
        tx ->
            store
                .originalOf(tx, id)
                .map(
                    original ->
                        new Original(
                            original.getKey().replaceFirst("-[0-9a-f]{12}(\\.[a-z0-9]+)$", "$1"),
                            original.getValue())));
  }

  /** As {@link MediaStore#dropCrops}, in the caller's transaction. */
  List<String> dropCrops(Transaction tx, String sourceFile) {
    return store.dropCrops(tx, sourceFile);
  }

  /** Stops serving these names from this node's local cache (their copies were replaced). */
  void forget(List<String> fileNames) {
    recent.invalidateAll(fileNames);
  }

  void saveCopies(Transaction tx, Prepared picture) {
    saveCopies(tx, picture.fileName(), picture.copies());
  }

  private void saveCopies(Transaction tx, String fileName, List<CleanCopies.Copy> copies) {
    int widest = copies.getFirst().width();
    for (CleanCopies.Copy copy : copies) {
      String name = copy.width() == widest ? fileName : Image.copyName(fileName, copy.width());
      store.saveFile(tx, name, copy.format().contentType, copy.bytes(), sha256(copy.bytes()));
    }
  }

  /**
   * Makes the clean copies of pictures an earlier version stored as they came (or with an older
   * recipe), keeps their originals privately and stops serving those. Idempotent: run at every
   * start, it finds nothing to do once done. A picture that can no longer be taken in (a GIF, a
   * file over the limits) is left as it was and logged.
   *
   * @return how many pictures got their copies
   */
  public int makeMissingCopies() {
    int made = 0;
    for (MediaStore.Unmade unmade : database.read(tx -> store.unmade(tx, CleanCopies.RECIPE))) {
      Optional<byte[]> original =
          database.read(
              tx ->
                  unmade.originalSha256() != null
                      ? store.original(tx, unmade.originalSha256())
                      : store.file(tx, unmade.fileName()).map(Picture::bytes));
      if (original.isEmpty()) {
        log.warn("Picture {} has no stored file to make copies from", unmade.fileName());
        continue;
      }
      String base = unmade.fileName().replaceFirst("-[0-9a-f]{12}\\.[a-z0-9]+$", "");
      Preparation preparation =
          switch (PictureIntake.check(unmade.fileName(), original.get())) {
            case PictureIntake.Outcome.Refused refused -> new Preparation.Refused(refused.reason());
            case PictureIntake.Outcome.Accepted accepted ->
                prepare(accepted.picture(), baseName(base), unmade.rights(), true);
          };
      switch (preparation) {
        case Preparation.Refused refused ->
            log.warn("Picture {} is served as it was: {}", unmade.fileName(), refused.reason());
        case Preparation.Ready ready -> {
          Prepared picture = ready.picture();
          database.useTransaction(
              tx -> {
                store.saveOriginal(
                    tx,
                    picture.sha256(),
                    picture.original().format().contentType,
                    picture.original().bytes());
                saveCopies(tx, picture.fileName(), picture.copies());
                store.madeCopies(
                    tx,
                    unmade.id(),
                    unmade.fileName(),
                    picture.fileName(),
                    picture.contentType(),
                    picture.width(),
                    picture.height(),
                    picture.sha256(),
                    CleanCopies.RECIPE);
                tx.record(TOPIC, Long.toString(unmade.id()));
              });
          recent.invalidate(unmade.fileName());
          made++;
        }
      }
    }
    if (made > 0) {
      log.info("Made the clean copies of {} pictures stored by an earlier version", made);
    }
    return made;
  }

  /** Whether the right to show some picture ends after one time and up to another. */
  public boolean anyExpiring(java.time.Instant after, java.time.Instant upTo) {
    return database.read(tx -> store.anyExpiring(tx, after, upTo));
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
}
