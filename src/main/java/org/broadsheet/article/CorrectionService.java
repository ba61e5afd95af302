package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * Corrections, clarifications, updates and editor's notes on articles. Adding one changes the
 * article: its updated time moves to the correction's date, and its pages, listings and feeds are
 * dropped like those of any other change of the article ({@link ArticleService#TOPIC}). Edits and
 * withdrawals keep what stood before in the correction's history.
 */
public final class CorrectionService {
  public static final int MAX_REASON_CHARS = 1000;

  /** One change in a correction's history: what it said before, and why it changed. */
  public record Change(String action, Instant at, String kind, String textBefore, String reason) {}

  /** A correction with everything that happened to it. */
  public record Traced(Correction correction, List<Change> history) {}

  /** What became of a correction handed in, edited or withdrawn. */
  public sealed interface Outcome {
    record Done(Correction correction) implements Outcome {}

    record Refused(String problem) implements Outcome {}

    record NotFound(String what) implements Outcome {}
  }

  private final Database database;
  private final Clock clock;
  private final CorrectionStore store;
  private final ArticleStore articles;
  private final DraftStore drafts = new DraftStore();
  private final Revisions revisions;

  /**
   * @param clock the site's clock: a correction dated "now", and the revision it makes, are stamped
   *     with it, like every other change to an article
   */
  public CorrectionService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.store = new CorrectionStore(clock);
    this.articles = new ArticleStore(clock);
    this.revisions = new Revisions(drafts, clock);
  }

  /** Adds a correction to the article with this slug; {@code date} null means now. */
  public Outcome add(String slug, Correction.Kind kind, String text, Instant date, Actor actor) {
    return database.inTransaction(tx -> add(tx, slug, kind, text, date, actor));
  }

  /** As {@link #add}, in the caller's transaction (an import adding the corrections of a file). */
  public Outcome add(
      Transaction tx, String slug, Correction.Kind kind, String text, Instant date, Actor actor) {
    Optional<String> problem = problem(kind, text);
    if (problem.isPresent()) {
      return new Outcome.Refused(problem.get());
    }
    Optional<Long> articleId = articles.idOf(tx, slug);
    if (articleId.isEmpty()) {
      return new Outcome.NotFound("no article has the slug \"" + slug + "\"");
    }
    Instant when = date == null ? Instant.now(clock) : date;
    long id = store.add(tx, articleId.get(), kind, when, text.strip());
    changed(tx, articleId.get(), when, actor, kind.word() + " added");
    return new Outcome.Done(store.byId(tx, id).orElseThrow());
  }

  /**
   * Adds the correction unless the article has one of that kind, date and text already, withdrawn
   * or not: an import run again adds only what is new, and never brings back a withdrawn one.
   */
  public Outcome addUnlessThere(
      Transaction tx, String slug, Correction.Kind kind, String text, Instant date) {
    Optional<Long> articleId = articles.idOf(tx, slug);
    if (articleId.isPresent()) {
      for (Correction existing : store.ofArticle(tx, articleId.get(), true)) {
        if (existing.kind() == kind
            && existing.date().equals(date)
            && existing.text().equals(text.strip())) {
          return new Outcome.Done(existing);
        }
      }
    }
    return add(tx, slug, kind, text, date, Actor.IMPORT);
  }

  /**
   * Changes a standing correction; what it said before is kept in its history with the reason. Null
   * kind, text or date leave that part as it is.
   */
  public Outcome edit(
      long id, Correction.Kind kind, String text, Instant date, String reason, Actor actor) {
    return database.inTransaction(
        tx -> {
          Optional<Correction> found = store.byId(tx, id);
          if (found.isEmpty()) {
            return new Outcome.NotFound("no correction has the id " + id);
          }
          Correction before = found.get();
          if (before.withdrawn()) {
            return new Outcome.Refused("correction " + id + " was withdrawn; add a new one");
          }
          Correction.Kind newKind = kind == null ? before.kind() : kind;
          String newText = text == null ? before.text() : text.strip();
          Optional<String> problem = problem(newKind, newText).or(() -> reasonProblem(reason));
          if (problem.isPresent()) {
            return new Outcome.Refused(problem.get());
          }
          store.keepHistory(tx, before, "edited", reason.strip());
          store.edit(tx, id, newKind, date == null ? before.date() : date, newText);
          changed(
              tx,
              before.articleId(),
              Instant.now(clock),
              actor,
              before.kind().word() + " " + id + " edited: " + reason.strip());
          return new Outcome.Done(store.byId(tx, id).orElseThrow());
        });
  }

  /** Withdraws a correction: readers no longer see it, the newsroom sees it withdrawn and why. */
  public Outcome withdraw(long id, String reason, Actor actor) {
    return database.inTransaction(
        tx -> {
          Optional<Correction> found = store.byId(tx, id);
          if (found.isEmpty()) {
            return new Outcome.NotFound("no correction has the id " + id);
          }
          if (found.get().withdrawn()) {
            return new Outcome.Refused("correction " + id + " is withdrawn already");
          }
          Optional<String> problem = reasonProblem(reason);
          if (problem.isPresent()) {
            return new Outcome.Refused(problem.get());
          }
          store.keepHistory(tx, found.get(), "withdrawn", reason.strip());
          store.withdraw(tx, id, reason.strip());
          changed(
              tx,
              found.get().articleId(),
              Instant.now(clock),
              actor,
              found.get().kind().word() + " " + id + " withdrawn: " + reason.strip());
          return new Outcome.Done(store.byId(tx, id).orElseThrow());
        });
  }

  /** Every correction with its history, newest first; only one article's when a slug is given. */
  public Optional<List<Traced>> list(String slug, int limit) {
    return database.read(
        tx -> {
          List<Correction> found;
          if (slug == null) {
            found = store.all(tx, limit);
          } else {
            Optional<Long> articleId = articles.idOf(tx, slug);
            if (articleId.isEmpty()) {
              return Optional.empty();
            }
            found = store.ofArticle(tx, articleId.get(), true).reversed();
          }
          return Optional.of(
              found.stream().map(c -> new Traced(c, store.history(tx, c.id()))).toList());
        });
  }

  /** The standing corrections of published articles, newest first, for readers. */
  public List<Correction> published(int limit) {
    return database.read(tx -> store.newest(tx, false, limit));
  }

  public static Optional<String> problem(Correction.Kind kind, String text) {
    if (kind == null) {
      return Optional.of("kind must be one of " + Correction.Kind.words());
    }
    if (text == null || text.isBlank()) {
      return Optional.of("the text of the correction is required");
    }
    return ArticleRules.tooLong("text", text.strip(), Correction.MAX_TEXT_CHARS);
  }

  private static Optional<String> reasonProblem(String reason) {
    if (reason == null || reason.isBlank()) {
      return Optional.of("say why with --reason; the change is kept with it");
    }
    return ArticleRules.tooLong("reason", reason.strip(), MAX_REASON_CHARS);
  }

  /** A correction changing is a save of its article: a new version, and a revision kept. */
  private void changed(Transaction tx, long articleId, Instant at, Actor actor, String what) {
    store.touchArticle(tx, articleId, at);
    drafts.nextVersion(tx, articleId);
    revisions.keep(tx, articleId, actor, what);
    tx.record(ArticleService.TOPIC, Long.toString(articleId));
  }
}
