package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.DeskListing;
import org.broadsheet.article.Source;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** The models of the newsroom's templates (src/main/jte/newsroom/). */
public final class NewsroomPages {
  private NewsroomPages() {}

  /**
   * The sign-in form.
   *
   * @param message why the last attempt failed, or what happened (signed out), or null
   * @param problem whether the message is a problem (shown as an alert) or a notice
   */
  public record SignIn(
      Layout layout,
      PageMeta meta,
      String email,
      String returnTo,
      String csrf,
      String message,
      boolean problem,
      boolean resetsOffered,
      List<Map.Entry<String, String>> kept) {}

  /**
   * The newsroom's dashboard for a signed-in person.
   *
   * @param shelves lists of articles that wait for something (drafts, review, schedule)
   * @param heldComments comments waiting for moderation; null for those who do not moderate
   * @param readerReports comments with reports from readers waiting; null for those who do not
   *     moderate
   * @param expiring pictures whose right to be shown ends within the library's warning days
   */
  public record Home(
      Layout layout,
      PageMeta meta,
      User user,
      String csrf,
      boolean mayReadAuditLog,
      int sessions,
      String message,
      boolean mayWrite,
      List<Shelf> shelves,
      Integer heldComments,
      Integer readerReports,
      List<Expiring> expiring) {}

  /** A picture whose right to be shown ends soon, as the dashboard warns of it. */
  public record Expiring(long id, String caption, String expires) {}

  /**
   * One list of the dashboard.
   *
   * @param more the articles list with the same filter, when there are more than shown; or null
   * @param empty what to say when there is nothing
   */
  public record Shelf(
      String title, List<DeskListing.Entry> entries, String more, int total, String empty) {
    public String id() {
      return "shelf-" + org.broadsheet.article.Slugs.of(title);
    }
  }

  /** One of the short forms around password resets. */
  public record Reset(
      Layout layout,
      PageMeta meta,
      String heading,
      String message,
      boolean problem,
      boolean showRequestForm,
      String token,
      String csrf) {}

  /**
   * The audit log, filtered and paged.
   *
   * @param entries each as shown: time in the site's zone
   */
  public record AuditLog(
      Layout layout,
      PageMeta meta,
      String actor,
      String action,
      String from,
      String to,
      List<String> actions,
      List<Line> entries,
      String problem,
      String previous,
      String next) {}

  /** One entry of the audit log as shown. */
  public record Line(String time, String datetime, AuditEntry entry) {}

  /**
   * The article editor.
   *
   * @param articleId null for a new article
   * @param problems by field name; those of no field are shown above the form
   * @param notice what just happened (saved), or null
   * @param conflict what changed since the writer started, when their save was refused; or null
   * @param leadPicture the stored picture the lead picture field names, to show which it is; or
   *     null
   * @param cardPicture the crop of it the card fields describe, when its copies are made; or null
   */
  public record Editor(
      Layout layout,
      PageMeta meta,
      String heading,
      String action,
      String csrf,
      EditorForm form,
      Map<String, String> problems,
      String notice,
      List<String> sections,
      List<String> authors,
      Long articleId,
      String status,
      String publicPath,
      Conflict conflict,
      List<Move> moves,
      String zone,
      boolean editable,
      org.broadsheet.media.Image leadPicture,
      org.broadsheet.media.Image cardPicture,
      EditorProofreading.Proofread proofread) {

    /** The status as stored ("in-review"), for the workflow's forms. */
    public String statusWord() {
      return status == null
          ? null
          : org.broadsheet.article.ArticleStatus.parse(status).map(s -> s.word()).orElse(null);
    }

    public List<ArticleType> types() {
      return List.of(ArticleType.values());
    }

    public List<Source.Kind> kinds() {
      return List.of(Source.Kind.values());
    }

    public boolean hasProblem(String field) {
      return problems.containsKey(field);
    }

    /** The largest picture file the form takes, as the form's help says it. */
    public String maxPictureBytes() {
      return "%,d bytes (20 MB)".formatted(org.broadsheet.media.PictureIntake.MAX_BYTES);
    }

    public String problem(String field) {
      return problems.get(field);
    }

    public String invalid(String field) {
      return hasProblem(field) ? "true" : null;
    }

    /** The field's help and problem, for aria-describedby; null when it has neither. */
    public String describedBy(String field, boolean help) {
      String ids =
          ((help ? "editor-" + field + "-help " : "")
                  + (hasProblem(field) ? "editor-" + field + "-problem" : ""))
              .strip();
      return ids.isEmpty() ? null : ids;
    }

    /** Problems that belong to no field of the form (a date, the status). */
    public List<String> otherProblems() {
      return problems.entrySet().stream()
          .filter(e -> !EditorForm.FIELDS.contains(e.getKey()))
          .map(Map.Entry::getValue)
          .toList();
    }
  }

  /**
   * A save refused because someone saved the article since the writer started: what they changed,
   * field by field.
   *
   * @param mayStillSave false when the article moved meanwhile to a state in which the writer may
   *     no longer change it: their text is shown to be copied, without a save button
   */
  public record Conflict(
      String savedBy, String savedAt, List<FieldChange> changes, boolean mayStillSave) {}

  /** One field's change, as lines: each with a mark ("+", "-" or " ") and its text. */
  public record FieldChange(String field, List<DiffLine> lines) {
    /** A field as the revisions' diff gives it: its lines, or its value before and after. */
    static FieldChange of(org.broadsheet.article.RevisionDiff.FieldChange change) {
      List<DiffLine> lines = new java.util.ArrayList<>();
      if (change.lines().isEmpty()) {
        if (!change.before().isEmpty()) {
          lines.add(new DiffLine("-", change.before()));
        }
        if (!change.after().isEmpty()) {
          lines.add(new DiffLine("+", change.after()));
        }
      } else {
        for (String line : change.lines()) {
          if (line.startsWith("@@")) {
            lines.add(new DiffLine(" ", "…"));
          } else if (!line.isEmpty()) {
            lines.add(new DiffLine(line.substring(0, 1), line.substring(1)));
          }
        }
      }
      return new FieldChange(change.field(), lines);
    }
  }

  public record DiffLine(String mark, String text) {
    public String kind() {
      return switch (mark) {
        case "+" -> "added";
        case "-" -> "removed";
        default -> "same";
      };
    }
  }

  /**
   * A button of the editor or the list that moves an article to another state.
   *
   * @param to the state's word
   * @param needsTime whether the button asks for a date and time (scheduling)
   */
  public record Move(String to, String label, boolean needsTime) {}

  /**
   * An article's revisions, newest first, and the difference between two of them.
   *
   * @param diff the changes from the older chosen revision to the newer, or null when none chosen
   */
  public record Revisions(
      Layout layout,
      PageMeta meta,
      long articleId,
      String headline,
      String csrf,
      long currentVersion,
      List<RevisionLine> revisions,
      Long from,
      Long to,
      List<FieldChange> diff,
      boolean mayRestore,
      String problem) {}

  /** One revision as listed. */
  public record RevisionLine(
      long id, long version, String time, String datetime, String actor, String what) {}

  /**
   * The newsroom's list of articles.
   *
   * @param filters the query as typed, to show it again
   */
  public record Articles(
      Layout layout,
      PageMeta meta,
      String csrf,
      DeskListing listing,
      Map<String, String> filters,
      List<org.broadsheet.article.ArticleStatus> statuses,
      List<org.broadsheet.article.Section> sections,
      List<org.broadsheet.article.Author> authors,
      Map<Long, List<Move>> moves,
      Map<Long, String> times,
      String notice,
      String previous,
      String next,
      boolean mayWrite) {}

  /**
   * The people page for administrators.
   *
   * @param message what the last action did, or why it was refused; null for none
   * @param newEmail with newPassword, the person just added and the password made up for them,
   *     shown this once; null otherwise
   */
  public record People(
      Layout layout,
      PageMeta meta,
      String csrf,
      String me,
      List<User> people,
      List<String> roles,
      NewPerson form,
      String message,
      boolean problem,
      String newEmail,
      String newPassword) {}

  /** The add-a-person form as sent, kept when it is refused. */
  public record NewPerson(String email, String name, String role, String author) {
    public static final NewPerson EMPTY = new NewPerson("", "", "reporter", "");
  }

  /**
   * An article's corrections on the desk.
   *
   * @param mayChange whether this person may add, change or withdraw (editors)
   * @param form what was typed in the last form sent, kept when it was refused
   */
  public record CorrectionsDesk(
      Layout layout,
      PageMeta meta,
      long articleId,
      String headline,
      String publicPath,
      String csrf,
      List<CorrectionLine> corrections,
      List<org.broadsheet.article.Correction.Kind> kinds,
      boolean mayChange,
      String notice,
      String problem,
      CorrectionForm form) {}

  /** One correction as the desk lists it: its date in the site's zone, and what it said before. */
  public record CorrectionLine(
      org.broadsheet.article.Correction correction, String date, List<String> history) {}

  /** A correction form as sent. */
  public record CorrectionForm(
      String correction, String kind, String text, String date, String reason) {
    public static final CorrectionForm EMPTY = new CorrectionForm("", "correction", "", "", "");
  }
}
