package org.broadsheet.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.PictureUse;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.PictureDetails;
import org.broadsheet.media.PictureEdit;
import org.broadsheet.media.PictureLibraryService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The picture desk's rules: who may see, upload and edit pictures, and each upload and edit stored
 * with its audit entry in one transaction.
 *
 * <p>Everyone who writes articles ({@link Permission#WRITE_OWN_DRAFTS}: administrators, editors,
 * reporters, contributors) opens the library and uploads. Editors and administrators ({@link
 * Permission#EDIT_ANY_ARTICLE}) edit any picture's rights and default texts; the others edit the
 * pictures they uploaded themselves, so the person who brought a picture can complete its credit
 * and alt text. Moderators do neither.
 */
public final class PictureDeskService {
  private static final Logger log = LoggerFactory.getLogger(PictureDeskService.class);

  /** A page of the library with where each picture is used, and the pictures expiring soon. */
  public record Library(
      PictureLibraryService.Page page,
      Map<Long, List<PictureUse>> uses,
      List<PictureDetails> expiring) {}

  /** What became of an upload. */
  public sealed interface UploadOutcome {
    record Uploaded(PictureDetails picture, boolean added) implements UploadOutcome {}

    /** Nothing was stored; the reason names the file. */
    record Refused(String reason) implements UploadOutcome {}
  }

  private final Database database;
  private final PictureLibraryService library;
  private final ArticleService articles;
  private final AuditService audit;

  public PictureDeskService(
      Database database,
      PictureLibraryService library,
      ArticleService articles,
      AuditService audit) {
    this.database = database;
    this.library = library;
    this.articles = articles;
    this.audit = audit;
  }

  static boolean mayUse(User user) {
    return user.may(Permission.WRITE_OWN_DRAFTS);
  }

  static boolean mayEdit(User user, PictureDetails picture) {
    return user.may(Permission.EDIT_ANY_ARTICLE)
        || mayUse(user) && picture.uploadedBy() != null && picture.uploadedBy() == user.id();
  }

  Library library(String words, int page, Instant now) {
    PictureLibraryService.Page found = library.search(words, page);
    List<Long> ids = found.pictures().stream().map(PictureDetails::id).toList();
    return new Library(found, articles.pictureUses(ids), expiringSoon(now));
  }

  /**
   * The pictures whose expiry falls within {@link PictureLibraryService#EXPIRY_WARNING_DAYS} of
   * now, soonest first: what the library (and the dashboard) warn editors of.
   */
  List<PictureDetails> expiringSoon(Instant now) {
    return library.expiringWithin(now, PictureLibraryService.EXPIRY_WARNING_DAYS);
  }

  java.util.Optional<PictureDetails> picture(long id) {
    return library.picture(id);
  }

  List<PictureUse> uses(long id) {
    return articles.pictureUses(List.of(id)).getOrDefault(id, List.of());
  }

  /** Checks the file (slow: its copies are made), then stores it with its audit entry. */
  UploadOutcome upload(User user, String fileName, byte[] bytes, String ip) {
    return switch (library.check(fileName, bytes)) {
      case PictureLibraryService.Checked.Refused refused -> {
        log.info("Upload by {} refused: {}", user.email(), refused.reason());
        yield new UploadOutcome.Refused(refused.reason());
      }
      case PictureLibraryService.Checked.Ready ready ->
          database.inTransaction(
              tx -> {
                PictureLibraryService.Uploaded uploaded =
                    audited(
                        tx,
                        user,
                        ip,
                        fileName,
                        library.upload(tx, ready.picture(), user.id(), Instant.now()));
                return new UploadOutcome.Uploaded(uploaded.picture(), uploaded.added());
              });
    };
  }

  /** Records an upload that added a picture (one already in the library adds nothing). */
  private PictureLibraryService.Uploaded audited(
      Transaction tx,
      User user,
      String ip,
      String fileName,
      PictureLibraryService.Uploaded uploaded) {
    if (uploaded.added()) {
      audit.record(
          tx,
          Actor.person(user.email(), ip),
          "picture.upload",
          subject(uploaded.picture().id()),
          fileName);
    }
    return uploaded;
  }

  /** Checks a file handed in (slow: its copies are made); nothing is written. */
  PictureLibraryService.Checked check(String fileName, byte[] bytes) {
    PictureLibraryService.Checked checked = library.check(fileName, bytes);
    if (checked instanceof PictureLibraryService.Checked.Refused refused) {
      log.info("Upload refused: {}", refused.reason());
    }
    return checked;
  }

  /** How an article is saved once the picture uploaded with it has its number. */
  @FunctionalInterface
  interface SaveWithLead {
    ArticleService.SaveOutcome save(Transaction tx, long pictureId);
  }

  /**
   * Stores a picture uploaded from the editor (audited as a library upload is) and saves the
   * article with it as its lead, in one transaction: when the article is not saved (refused, or
   * someone saved it meanwhile), the picture is not stored either.
   */
  ArticleService.SaveOutcome uploadLead(
      User user,
      String fileName,
      MediaService.Prepared picture,
      String caption,
      String altText,
      String ip,
      SaveWithLead save) {
    try {
      return database.inTransaction(
          tx -> {
            PictureLibraryService.Uploaded uploaded =
                audited(
                    tx,
                    user,
                    ip,
                    fileName,
                    library.upload(tx, picture, user.id(), Instant.now(), caption, altText));
            ArticleService.SaveOutcome outcome = save.save(tx, uploaded.picture().id());
            if (!(outcome instanceof ArticleService.SaveOutcome.Saved)) {
              throw new NotSaved(outcome);
            }
            return outcome;
          });
    } catch (NotSaved notSaved) {
      return notSaved.outcome;
    }
  }

  /** Rolls the upload back with the article it came with. */
  private static final class NotSaved extends RuntimeException {
    private final transient ArticleService.SaveOutcome outcome;

    NotSaved(ArticleService.SaveOutcome outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }
  }

  /** Edits a picture the person may edit (checked again here), with its audit entry. */
  PictureLibraryService.EditOutcome edit(
      User user, PictureDetails before, PictureEdit edit, String ip) {
    if (!mayEdit(user, before)) {
      throw new IllegalStateException("not allowed to edit picture " + before.id());
    }
    PictureLibraryService.Remade remade = library.remake(before, edit.rights());
    PictureLibraryService.EditOutcome edited =
        database.inTransaction(
            tx -> {
              PictureLibraryService.EditOutcome outcome =
                  library.edit(tx, before.id(), edit, remade);
              if (outcome instanceof PictureLibraryService.EditOutcome.Saved) {
                audit.record(
                    tx,
                    Actor.person(user.email(), ip),
                    "picture.edit",
                    subject(before.id()),
                    changed(PictureEdit.of(before), edit));
              }
              return outcome;
            });
    if (edited instanceof PictureLibraryService.EditOutcome.Saved saved
        && saved.copiesMadeAgain()) {
      // The cards that show a crop of it get theirs again, carrying the new rights.
      for (ArticleService.CardCrop card : articles.cardCropsToMake(before.id())) {
        library.crop(card.imageId(), card.crop());
      }
    }
    return edited;
  }

  private static String subject(long id) {
    return "picture " + id;
  }

  /** The fields an edit changed, for the audit log: "credit, alt text". */
  private static String changed(PictureEdit before, PictureEdit after) {
    List<String> fields = new ArrayList<>();
    if (!before.caption().equals(after.caption())) {
      fields.add("caption");
    }
    if (!before.altText().equals(after.altText())) {
      fields.add("alt text");
    }
    if (!before.creator().equals(after.creator())) {
      fields.add("creator");
    }
    if (!before.credit().equals(after.credit())) {
      fields.add("credit");
    }
    if (!before.copyright().equals(after.copyright())) {
      fields.add("copyright");
    }
    if (!before.source().equals(after.source())) {
      fields.add("source");
    }
    if (!before.usageTerms().equals(after.usageTerms())) {
      fields.add("usage terms");
    }
    if (!java.util.Objects.equals(before.expires(), after.expires())) {
      fields.add("expiry");
    }
    return fields.isEmpty() ? "nothing changed" : String.join(", ", fields);
  }
}
