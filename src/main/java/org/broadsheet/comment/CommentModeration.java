package org.broadsheet.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.article.Article;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * What moderators do, on the command line and in the newsroom alike: list comments, approve, mark
 * spam, trash and restore them (teaching the spam filter as they go), dismiss readers' reports,
 * reply as the newsroom, and answer a commenter's request to export or erase their data. Every
 * decision is recorded in the audit log in the transaction that makes it.
 */
public final class CommentModeration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CommentModeration.class);

  /** A moderator's decision about a comment. */
  public enum Decision {
    APPROVE,
    SPAM,
    TRASH,
    /** Takes a comment out of spam or trash and holds it for a fresh decision. */
    RESTORE,
    /** Answers readers' open reports of a comment, leaving the comment as it is. */
    DISMISS_REPORTS;

    /** The audit log's name of the decision. */
    public String action() {
      return "comment." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** What became of a reply written in the newsroom. */
  public sealed interface ReplyOutcome {
    record Published(Comment reply) implements ReplyOutcome {}

    /** The text cannot be published (empty, too long); nothing stored. */
    record Refused(String message) implements ReplyOutcome {}

    /** No published comment has the id: only those can be answered on the page. */
    record NotFound() implements ReplyOutcome {}
  }

  /** A comment as a moderator sees it in a list. */
  public record Entry(
      long id,
      String status,
      String article,
      Long parent,
      String authorName,
      Instant time,
      String text,
      double spamProbability) {}

  /** What a decision did to one comment. */
  public sealed interface Result {
    long id();

    record Changed(long id, CommentStatus from, CommentStatus to) implements Result {}

    record NotFound(long id) implements Result {}
  }

  /** Everything stored about one commenter, for their right of access. */
  public record ExportedComment(
      long id,
      String article,
      String status,
      Instant time,
      String name,
      String email,
      String website,
      String text,
      String ip,
      boolean notifyReplies) {}

  static final String ERASED_TEXT = "This comment was erased at its writer's request.";

  private final Database database;
  private final CommentService comments;
  private final AuditService audit;
  private final CommentStore store = new CommentStore();
  private final ModerationStore reports = new ModerationStore();
  private final CommentQueue queue;
  private final CommentReports readerReports;

  public CommentModeration(Database database, CommentService comments, AuditService audit) {
    this.database = database;
    this.comments = comments;
    this.audit = audit;
    this.queue = new CommentQueue(database, comments);
    this.readerReports = new CommentReports(database, comments::settings);
  }

  /** The moderators' lists, each comment with its context. */
  public CommentQueue queue() {
    return queue;
  }

  /** Readers' reports, for the report form under each comment. */
  public CommentReports reports() {
    return readerReports;
  }

  public List<Entry> list(CommentStatus status, String articleSlug, int limit) {
    Long articleId = null;
    if (articleSlug != null) {
      articleId = comments.articles().idOf(articleSlug).orElse(-1L);
    }
    Map<Long, String> slugs = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    Long article = articleId;
    for (Comment comment : database.read(tx -> store.list(tx, status, article, limit))) {
      String slug =
          slugs.computeIfAbsent(
              comment.articleId(), id -> comments.articles().slugOf(id).orElse("?"));
      entries.add(
          new Entry(
              comment.id(),
              comment.status().word(),
              slug,
              comment.parentId(),
              comment.authorName(),
              comment.createdAt(),
              comment.body(),
              comment.spamProbability()));
    }
    return entries;
  }

  /**
   * Applies a decision to each comment in one transaction, recorded in the audit log as the
   * actor's; what changed is on the site at once. Approving, filing as spam or trashing a comment
   * also answers its open reports.
   */
  public List<Result> decide(Actor actor, Decision decision, List<Long> ids) {
    Instant now = Instant.now();
    List<Result> results = new ArrayList<>();
    Set<Long> articles = new LinkedHashSet<>();
    List<Comment> published = new ArrayList<>();
    database.useTransaction(
        tx -> {
          Map<Long, Comment> found = new LinkedHashMap<>();
          store.byIds(tx, ids).forEach(c -> found.put(c.id(), c));
          for (long id : ids) {
            Comment comment = found.get(id);
            if (comment == null) {
              results.add(new Result.NotFound(id));
              continue;
            }
            CommentStatus to =
                switch (decision) {
                  case APPROVE -> CommentStatus.APPROVED;
                  case SPAM -> CommentStatus.SPAM;
                  case TRASH -> CommentStatus.TRASH;
                  case RESTORE ->
                      comment.status() == CommentStatus.APPROVED
                          ? CommentStatus.APPROVED
                          : CommentStatus.HELD;
                  case DISMISS_REPORTS -> comment.status();
                };
            String trainedAs = teach(tx, comment, decision);
            CommentStore.setStatus(tx, id, to, trainedAs);
            if (to == CommentStatus.APPROVED && comment.status() != CommentStatus.APPROVED) {
              published.add(comment);
            }
            if (to != comment.status()) {
              articles.add(comment.articleId());
            }
            int answered = decision == Decision.RESTORE ? 0 : reports.closeReports(tx, id, now);
            audit.record(
                tx,
                actor,
                decision.action(),
                "comment " + id,
                comment.status().word()
                    + " -> "
                    + to.word()
                    + (answered == 0
                        ? ""
                        : " (%d report%s answered)".formatted(answered, answered == 1 ? "" : "s")));
            results.add(new Result.Changed(id, comment.status(), to));
          }
          for (long articleId : articles) {
            comments.refreshCount(tx, articleId);
          }
        });
    for (Result result : results) {
      if (result instanceof Result.Changed changed) {
        log.info(
            "Comment {} {} by a moderator ({} → {})",
            changed.id(),
            decision.name().toLowerCase(java.util.Locale.ROOT),
            changed.from().name().toLowerCase(java.util.Locale.ROOT),
            changed.to().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Comment comment : published) {
      announce(comment);
    }
    return results;
  }

  /**
   * Publishes a reply to a published comment as the newsroom's: shown at once, marked as staff, and
   * recorded in the audit log. A reader's form can never make such a comment.
   *
   * @param staffName the name shown on the reply, the staff member's
   */
  public ReplyOutcome reply(
      Actor actor, String staffName, long answeredId, String text, Instant now) {
    CommentSettings limits = comments.settings();
    String body =
        CommentPolicy.clean(new CommentDraft(staffName, actor.name(), "", text, "", false, ""))
            .body();
    if (body.isBlank()) {
      return new ReplyOutcome.Refused("Please write a reply.");
    }
    if (body.length() > limits.maxBodyChars()) {
      return new ReplyOutcome.Refused(
          "Your reply is %,d characters long; comments may be at most %,d characters."
              .formatted(body.length(), limits.maxBodyChars()));
    }
    ReplyOutcome outcome =
        database.inTransaction(
            tx -> {
              Optional<Comment> answered =
                  store.byId(tx, answeredId).filter(c -> c.status() == CommentStatus.APPROVED);
              if (answered.isEmpty()) {
                return new ReplyOutcome.NotFound();
              }
              long id =
                  CommentStore.insert(
                      tx,
                      new Comment(
                          0,
                          answered.get().articleId(),
                          answeredId,
                          staffName.strip(),
                          actor.name(),
                          "",
                          body,
                          CommentStatus.APPROVED,
                          now,
                          actor.ip(),
                          false,
                          0,
                          "",
                          true));
              comments.refreshCount(tx, answered.get().articleId());
              audit.record(tx, actor, "comment.reply", "comment " + answeredId, "reply " + id);
              return new ReplyOutcome.Published(store.byId(tx, id).orElseThrow());
            });
    if (outcome instanceof ReplyOutcome.Published published) {
      log.info(
          "Comment {} published as the newsroom's reply to {}", published.reply().id(), answeredId);
      announce(published.reply());
    }
    return outcome;
  }

  /** Teaches the spam filter from the decision, unlearning what an earlier one taught. */
  private String teach(Transaction tx, Comment comment, Decision decision) {
    String wanted =
        switch (decision) {
          case APPROVE -> "ham";
          case SPAM -> "spam";
          case TRASH, RESTORE, DISMISS_REPORTS -> comment.trainedAs();
        };
    if (wanted.equals(comment.trainedAs())) {
      return wanted;
    }
    Set<String> tokens =
        SpamFilter.tokens(comment.authorName(), comment.authorWebsite(), comment.body());
    if (!comment.trainedAs().isEmpty()) {
      CommentStore.learn(tx, tokens, comment.trainedAs().equals("spam"), -1);
    }
    CommentStore.learn(tx, tokens, wanted.equals("spam"), 1);
    return wanted;
  }

  private void announce(Comment comment) {
    Optional<Article> article =
        comments
            .articles()
            .slugOf(comment.articleId())
            .flatMap(slug -> comments.articles().any(slug));
    Comment answered =
        comment.parentId() == null ? null : comments.find(comment.parentId()).orElse(null);
    article.ifPresent(
        a ->
            comments.notices().published(a, comments.find(comment.id()).orElse(comment), answered));
  }

  public List<ExportedComment> export(String email) {
    List<ExportedComment> exported = new ArrayList<>();
    for (Comment comment : database.read(tx -> store.byEmail(tx, email.strip()))) {
      exported.add(
          new ExportedComment(
              comment.id(),
              comments.articles().slugOf(comment.articleId()).orElse("?"),
              comment.status().word(),
              comment.createdAt(),
              comment.authorName(),
              comment.authorEmail(),
              comment.authorWebsite(),
              comment.body(),
              comment.ip(),
              comment.notifyReplies()));
    }
    return exported;
  }

  /**
   * Erases a commenter's data: name, email, website, address and text of each of their comments;
   * replies to them stay in place under an "erased" comment. Returns how many were erased.
   */
  public int erase(String email) {
    List<Comment> theirs = database.read(tx -> store.byEmail(tx, email.strip()));
    database.useTransaction(
        tx -> {
          Set<Long> articles = new LinkedHashSet<>();
          for (Comment comment : theirs) {
            if (!comment.trainedAs().isEmpty()) {
              CommentStore.learn(
                  tx,
                  SpamFilter.tokens(comment.authorName(), comment.authorWebsite(), comment.body()),
                  comment.trainedAs().equals("spam"),
                  -1);
              CommentStore.setStatus(tx, comment.id(), comment.status(), "");
            }
            CommentStore.erase(tx, comment.id(), ERASED_TEXT);
            articles.add(comment.articleId());
          }
          for (long articleId : articles) {
            comments.refreshCount(tx, articleId);
          }
        });
    return theirs.size();
  }

  /** Opens or closes one article's comments; false when there is no such article. */
  public boolean setOpen(String articleSlug, boolean open) {
    Optional<Long> id = comments.articles().idOf(articleSlug);
    id.ifPresent(articleId -> comments.articles().setCommentsOpen(articleId, open));
    return id.isPresent();
  }

  /** Stops reply emails for every comment of the same writer on the same article. */
  public boolean unsubscribe(long commentId) {
    Optional<Comment> comment = comments.find(commentId);
    comment.ifPresent(
        c ->
            database.useTransaction(
                tx -> {
                  for (Comment other : store.byEmail(tx, c.authorEmail())) {
                    if (other.articleId() == c.articleId()) {
                      CommentStore.stopReplyNotifications(tx, other.id());
                    }
                  }
                }));
    return comment.isPresent();
  }
}
