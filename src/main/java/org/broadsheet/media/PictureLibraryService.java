package org.broadsheet.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * The newsroom's picture library: pictures found by caption, credit and creator, uploads through
 * the one door every picture comes in by ({@link PictureIntake}), and a picture's rights and
 * default texts edited for every use at once. Rights are written into the served copies, so a
 * change of them makes the copies again, under new names.
 */
public final class PictureLibraryService {
  /** Pictures on a page of the library. */
  public static final int PAGE_SIZE = 24;

  /** Words of a library search taken; the rest are ignored. */
  public static final int MAX_SEARCH_WORDS = 8;

  /** How many days before a picture's expiry the library (and the dashboard) warn of it. */
  public static final int EXPIRY_WARNING_DAYS = 14;

  /** One page of the library and whether there are more after it. */
  public record Page(List<PictureDetails> pictures, int page, boolean more) {}

  /** A file handed in for the library, checked and its copies made: nothing is written yet. */
  public sealed interface Checked {
    record Ready(MediaService.Prepared picture) implements Checked {}

    /** Refused, with a reason that names the file. */
    record Refused(String reason) implements Checked {}
  }

  /**
   * A picture uploaded: {@code added} false when the library already held the same file with the
   * same rights, which is then the picture.
   */
  public record Uploaded(PictureDetails picture, boolean added) {}

  /** What became of an edit. */
  public sealed interface EditOutcome {
    record Saved(PictureDetails picture, boolean copiesMadeAgain) implements EditOutcome {}

    /** Nothing was changed; the problems are by field. */
    record Refused(Map<String, String> problems) implements EditOutcome {}

    record NotFound(long id) implements EditOutcome {}
  }

  /** New copies made for rights to be written into, before the transaction that stores them. */
  public sealed interface Remade {
    /** The rights written into the copies are unchanged: the copies stay. */
    record Unchanged() implements Remade {}

    record Ready(MediaService.Prepared picture) implements Remade {}

    record Refused(String reason) implements Remade {}
  }

  private final Database database;
  private final MediaService media;
  private final LibraryStore library = new LibraryStore();

  public PictureLibraryService(Database database, MediaService media) {
    this.database = database;
    this.media = media;
  }

  public Optional<PictureDetails> picture(long id) {
    return database.read(tx -> library.byId(tx, id));
  }

  /**
   * A page of pictures, newest first; with search words, those whose caption, credit or creator
   * contain every word (case ignored).
   */
  public Page search(String words, int page) {
    List<String> terms =
        Arrays.stream((words == null ? "" : words).toLowerCase(Locale.ROOT).split("\\s+"))
            .filter(w -> !w.isBlank())
            .limit(MAX_SEARCH_WORDS)
            .toList();
    int number = Math.clamp(page, 1, 100_000);
    List<PictureDetails> found =
        database.read(tx -> library.search(tx, terms, (number - 1) * PAGE_SIZE, PAGE_SIZE + 1));
    boolean more = found.size() > PAGE_SIZE;
    return new Page(more ? found.subList(0, PAGE_SIZE) : found, number, more);
  }

  /**
   * Pictures whose right to be shown ends after {@code now} and within {@code days} days of it,
   * soonest first: what editors are warned of beforehand.
   */
  public List<PictureDetails> expiringWithin(Instant now, int days) {
    return database.read(tx -> library.expiring(tx, now, now.plus(Duration.ofDays(days))));
  }

  /**
   * Checks an uploaded file and makes its copies; slow work, done before any transaction. Its
   * creator, credit, copyright notice and caption come from the file's own IPTC/XMP when it has
   * them.
   */
  public Checked check(String fileName, byte[] bytes) {
    return switch (media.prepare(fileName, bytes, Rights.NONE)) {
      case MediaService.Preparation.Ready ready -> new Checked.Ready(ready.picture());
      case MediaService.Preparation.Refused refused -> new Checked.Refused(refused.reason());
    };
  }

  /** Stores a checked upload in the caller's transaction. */
  public Uploaded upload(
      Transaction tx, MediaService.Prepared picture, long uploadedBy, Instant at) {
    return upload(tx, picture, uploadedBy, at, "", "");
  }

  /**
   * As {@link #upload(Transaction, MediaService.Prepared, long, Instant)}, by the use it is
   * uploaded for (an article's lead), whose caption and alt text become the picture's defaults
   * where it has none; a blank caption is the file's own.
   */
  public Uploaded upload(
      Transaction tx,
      MediaService.Prepared picture,
      long uploadedBy,
      Instant at,
      String caption,
      String altText) {
    boolean added = library.idOf(tx, picture.fileName()).isEmpty();
    Image stored = media.store(tx, picture, caption, altText);
    if (added) {
      library.markUploaded(tx, stored.id(), uploadedBy, at);
    }
    return new Uploaded(library.byId(tx, stored.id()).orElseThrow(), added);
  }

  /** The copies of a crop of a picture, made once (see {@link MediaService#crop}). */
  public Optional<Image> crop(long id, Crop crop) {
    return media.crop(id, crop);
  }

  /**
   * The copies a picture needs for these rights, made from its original, when they differ from the
   * rights its copies carry; slow work, done before the transaction that stores them.
   */
  public Remade remake(PictureDetails picture, Rights rights) {
    Rights now = picture.rights();
    if (now.creator().equals(rights.creator())
        && now.credit().equals(rights.credit())
        && now.copyright().equals(rights.copyright())
        && now.source().equals(rights.source())
        && now.usageTerms().equals(rights.usageTerms())) {
      return new Remade.Unchanged();
    }
    Optional<MediaService.Original> original = media.original(picture.id());
    if (original.isEmpty()) {
      return new Remade.Refused(
          "The file this picture came from is not stored, so its copies cannot carry new rights.");
    }
    return switch (media.prepareExactly(original.get().name(), original.get().bytes(), rights)) {
      case MediaService.Preparation.Ready ready -> new Remade.Ready(ready.picture());
      case MediaService.Preparation.Refused refused -> new Remade.Refused(refused.reason());
    };
  }

  /**
   * Sets a picture's default texts and rights in the caller's transaction, with the copies {@link
   * #remake} made when its rights changed. The change drops every page (any may show it).
   */
  public EditOutcome edit(Transaction tx, long id, PictureEdit edit, Remade remade) {
    Optional<PictureDetails> before = library.byId(tx, id);
    if (before.isEmpty()) {
      return new EditOutcome.NotFound(id);
    }
    Map<String, String> problems = new java.util.LinkedHashMap<>(edit.problems());
    if (remade instanceof Remade.Refused refused) {
      problems.put("credit", refused.reason());
    }
    if (remade instanceof Remade.Ready ready) {
      Optional<Long> holder = library.idOf(tx, ready.picture().fileName());
      if (holder.isPresent() && holder.get() != id) {
        problems.put(
            "credit",
            "Picture %d is this same file with these same rights; edit that one instead."
                .formatted(holder.get()));
      }
    }
    if (!problems.isEmpty()) {
      return new EditOutcome.Refused(problems);
    }
    if (remade instanceof Remade.Ready ready
        && !ready.picture().fileName().equals(before.get().image().fileName())) {
      Image former = before.get().image();
      List<String> formerNames = new ArrayList<>();
      for (int width : former.widths()) {
        formerNames.add(former.url(width).substring("/media/".length()));
      }
      media.saveCopies(tx, ready.picture());
      library.replaceCopies(
          tx,
          id,
          formerNames,
          ready.picture().fileName(),
          ready.picture().width(),
          ready.picture().height());
      media.forget(formerNames);
      // Crops carry the former rights too; they are made again from the new copies.
      media.forget(media.dropCrops(tx, former.fileName()));
    }
    library.edit(tx, id, edit);
    tx.record(MediaService.TOPIC, Long.toString(id));
    return new EditOutcome.Saved(
        library.byId(tx, id).orElseThrow(), remade instanceof Remade.Ready);
  }
}
