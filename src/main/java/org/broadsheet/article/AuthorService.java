package org.broadsheet.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.media.MediaService;
import org.broadsheet.storage.Database;

/**
 * Author pages as the newsroom keeps them: each writer's bio, job title, fields of expertise and
 * photo. Who may edit which is the newsroom's rule; this service checks what is stored.
 */
public final class AuthorService {
  public static final int MAX_BIO = 2_000;
  public static final int MAX_JOB_TITLE = 120;
  public static final int MAX_EXPERTISE = 10;
  public static final int MAX_FIELD = 60;

  /**
   * A profile as typed in the form.
   *
   * @param expertise one field a line
   * @param photo the number of a stored picture, or blank for none
   */
  public record Profile(String bio, String jobTitle, String expertise, String photo) {}

  private final Database database;
  private final AuditService audit;
  private final MediaService media;
  private final ArticleStore articles;
  private final AuthorStore authors = new AuthorStore();

  public AuthorService(Database database, AuditService audit, MediaService media, Clock clock) {
    this.database = database;
    this.audit = audit;
    this.media = media;
    this.articles = new ArticleStore(clock);
  }

  public List<Author> all() {
    return database.read(articles::authors);
  }

  public Optional<Author> bySlug(String slug) {
    return database.read(tx -> articles.author(tx, slug));
  }

  /** Stores a profile; the photo is a picture already in the library, named by its number. */
  public DeskOutcome describe(Actor actor, String slug, Profile profile) {
    Map<String, String> problems = new LinkedHashMap<>();
    String bio = profile.bio() == null ? "" : profile.bio().replace("\r\n", "\n").strip();
    String jobTitle = SectionService.clean(profile.jobTitle());
    List<String> expertise = fields(profile.expertise());
    ArticleRules.tooLong("The bio", bio, MAX_BIO).ifPresent(p -> problems.put("bio", sentence(p)));
    ArticleRules.tooLong("The job title", jobTitle, MAX_JOB_TITLE)
        .ifPresent(p -> problems.put("jobTitle", sentence(p)));
    if (expertise.size() > MAX_EXPERTISE) {
      problems.put(
          "expertise",
          "Expertise lists "
              + expertise.size()
              + " fields; at most "
              + MAX_EXPERTISE
              + " are allowed.");
    }
    expertise.stream()
        .filter(field -> field.length() > MAX_FIELD)
        .findFirst()
        .ifPresent(
            field ->
                problems.put(
                    "expertise",
                    "\"" + field + "\" is longer than " + MAX_FIELD + " characters; shorten it."));
    Long photoId = null;
    String photo = profile.photo() == null ? "" : profile.photo().strip();
    if (!photo.isEmpty()) {
      try {
        photoId = Long.parseLong(photo);
        if (media.find(photoId).isEmpty()) {
          problems.put("photo", "There is no stored picture number " + photo + ".");
        }
      } catch (NumberFormatException e) {
        problems.put("photo", "Give the picture's number, such as 12, or leave it empty.");
      }
    }
    Long chosen = photoId;
    return database.inTransaction(
        tx -> {
          Optional<Author> author = articles.author(tx, slug);
          if (author.isEmpty()) {
            return new DeskOutcome.NotFound(slug);
          }
          if (!problems.isEmpty()) {
            return new DeskOutcome.Refused(problems);
          }
          authors.describe(tx, slug, bio, jobTitle, expertise, chosen);
          audit.record(
              tx,
              actor,
              "author.edit",
              slug,
              changed(author.get(), bio, jobTitle, expertise, chosen));
          return new DeskOutcome.Done("The author page of " + author.get().name() + " is saved.");
        });
  }

  /** The fields of expertise typed one a line, or separated by commas. */
  private static List<String> fields(String typed) {
    return typed == null
        ? List.of()
        : Arrays.stream(typed.split("[\\n,]"))
            .map(SectionService::clean)
            .filter(field -> !field.isEmpty())
            .toList();
  }

  private static String changed(
      Author before, String bio, String jobTitle, List<String> expertise, Long photo) {
    List<String> fields = new ArrayList<>();
    if (!before.bio().equals(bio)) {
      fields.add("bio");
    }
    if (!before.jobTitle().equals(jobTitle)) {
      fields.add("job title");
    }
    if (!before.expertise().equals(expertise)) {
      fields.add("expertise");
    }
    Long photoBefore = before.photo() == null ? null : before.photo().id();
    if (photoBefore == null ? photo != null : !photoBefore.equals(photo)) {
      fields.add("photo");
    }
    return fields.isEmpty() ? "nothing changed" : String.join(", ", fields);
  }

  private static String sentence(String problem) {
    return Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
  }
}
