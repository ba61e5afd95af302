package org.broadsheet.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;
import org.broadsheet.web.IpRanges;

/**
 * The comment feature's rules and transactions; it knows nothing of HTTP. A comment is acknowledged
 * only once the transaction that stores it has committed.
 */
public final class CommentService {
  /** Change-log topic of a change to an article's comments; the subject is the article's id. */
  static final String TOPIC = "comment";

  private final Database database;
  private final CommentStore store;
  private final ArticleService articles;
  private final Supplier<CommentSettings> settings;
  private final CommentNotices notices;

  public CommentService(
      Database database,
      ArticleService articles,
      Supplier<CommentSettings> settings,
      CommentNotices notices) {
    this.database = database;
    this.store = new CommentStore();
    this.articles = articles;
    this.settings = settings;
    this.notices = notices;
  }

  // Reading

  /** The approved comments of an article, and the reader's own held ones, arranged as a thread. */
  public List<CommentThread.Entry> thread(long articleId, Set<Long> readersOwn) {
    List<Comment> comments =
        database
            .read(
                tx ->
                    store.forArticle(
                        tx,
                        articleId,
                        List.of(CommentStatus.APPROVED, CommentStatus.HELD, CommentStatus.SPAM)))
            .stream()
            .filter(c -> c.status() == CommentStatus.APPROVED || readersOwn.contains(c.id()))
            .toList();
    return CommentThread.arrange(comments, settings.get().maxDepth());
  }

  /**
   * One page of an article's thread, top-level comments in the order `comments.order` sets, as many
   * as `comments.per_page` to a page. A page past the last one has no entries.
   */
  public CommentThread.Page page(long articleId, Set<Long> readersOwn, int number) {
    CommentSettings limits = settings.get();
    return database.read(
        tx -> {
          CommentThread.Page outline =
              CommentThread.page(
                  CommentThread.ordered(outline(tx, articleId, readersOwn), limits.newestFirst()),
                  number,
                  limits.perPage());
          List<Long> shown = new ArrayList<>();
          outline.entries().forEach(entry -> CommentThread.collectIds(entry, shown));
          Map<Long, Comment> full = new HashMap<>();
          for (int from = 0; from < shown.size(); from += 500) {
            store
                .byIds(tx, shown.subList(from, Math.min(shown.size(), from + 500)))
                .forEach(comment -> full.put(comment.id(), comment));
          }
          return CommentThread.filledIn(outline, full);
        });
  }

  /** The page of its article's thread that shows a comment to this reader; 0 when none does. */
  public int pageOf(Comment comment, Set<Long> readersOwn) {
    CommentSettings limits = settings.get();
    List<CommentThread.Entry> outline =
        database.read(tx -> outline(tx, comment.articleId(), readersOwn));
    return CommentThread.pageHolding(
        CommentThread.ordered(outline, limits.newestFirst()), comment.id(), limits.perPage());
  }

  /** The thread's shape as this reader sees it, without the comments' text. */
  private List<CommentThread.Entry> outline(Transaction tx, long articleId, Set<Long> readersOwn) {
    List<Comment> comments =
        store
            .outline(
                tx,
                articleId,
                List.of(CommentStatus.APPROVED, CommentStatus.HELD, CommentStatus.SPAM))
            .stream()
            .filter(c -> c.status() == CommentStatus.APPROVED || readersOwn.contains(c.id()))
            .toList();
    return CommentThread.arrange(comments, settings.get().maxDepth());
  }

  public Optional<Comment> find(long id) {
    return database.read(tx -> store.byId(tx, id));
  }

  public int approvedCount(long articleId) {
    return database.read(tx -> store.countForArticle(tx, articleId));
  }

  public List<Comment> recentApproved(Long articleId, int limit) {
    return database.read(tx -> store.list(tx, CommentStatus.APPROVED, articleId, limit));
  }

  /** Whether the article still takes comments, and if not, why. */
  public Optional<String> closedReason(Article article, Instant now) {
    if (!article.commentsOpen()) {
      return Optional.of("Comments on this article are closed.");
    }
    int days = settings.get().closeAfterDays();
    if (days > 0 && article.publishedAt().plus(Duration.ofDays(days)).isBefore(now)) {
      return Optional.of(
          "Comments close %d days after an article is published; this one is closed."
              .formatted(days));
    }
    return Optional.empty();
  }

  // Posting

  public PostOutcome post(Article article, CommentDraft draft, Visitor visitor, Instant now) {
    CommentSettings limits = settings.get();
    Optional<String> closed = closedReason(article, now);
    if (closed.isPresent()) {
      return new PostOutcome.Closed(closed.get());
    }
    if (IpRanges.contains(limits.blockedIps(), visitor.ip())) {
      return refused(
          "form",
          "Comments cannot be posted from your network. If this is a mistake, please contact the editors.");
    }
    if (!draft.honeypot().isBlank()) {
      return refused(
          "form",
          "Your comment looked automated, so it was not posted. Please leave the last, hidden field empty.");
    }
    if (visitor.formShownAt() == null
        || visitor.formShownAt().plusSeconds(limits.minFillSeconds()).isAfter(now)) {
      return refused(
          "form",
          "That was quick: please take at least %d seconds to write a comment, then post it again. Your text is kept below."
              .formatted(limits.minFillSeconds()));
    }
    CommentPolicy.Cleaned comment = CommentPolicy.clean(draft);
    Map<String, String> problems = new HashMap<>(CommentPolicy.problems(comment, limits));
    Long parentId = database.read(tx -> parent(tx, article, draft.parent(), problems));
    if (!problems.isEmpty()) {
      return new PostOutcome.Refused(problems);
    }
    Set<String> tokens = SpamFilter.tokens(comment.name(), comment.website(), comment.body());
    double spamProbability = database.read(tx -> SpamFilter.spamProbability(tokens, memory(tx)));
    CommentStatus status = database.read(tx -> status(tx, comment, limits, spamProbability));
    // The limits are checked in the transaction that stores the comment, so two posts sent at
    // once (a double click) cannot both pass: SQLite's writers take the lock at BEGIN, and on
    // PostgreSQL posts from one address queue on an advisory lock.
    PostOutcome outcome =
        database.inTransaction(
            tx -> {
              store.queuePostsFrom(tx, comment.email());
              Instant hourAgo = now.minus(Duration.ofHours(1));
              if (store.countFromIpSince(tx, visitor.ip(), hourAgo) >= limits.ratePerIpPerHour()) {
                return new PostOutcome.Limited(
                    "Too many comments from your address: at most %d an hour. Please try again later; your text is kept below."
                        .formatted(limits.ratePerIpPerHour()));
              }
              if (store.countFromEmailSince(tx, comment.email(), hourAgo)
                  >= limits.ratePerEmailPerHour()) {
                return new PostOutcome.Limited(
                    "Too many comments from your email address: at most %d an hour. Please try again later; your text is kept below."
                        .formatted(limits.ratePerEmailPerHour()));
              }
              if (store.sameCommentSince(
                  tx,
                  article.id(),
                  comment.email(),
                  comment.body(),
                  now.minus(Duration.ofDays(1)))) {
                return refused("body", "You have already posted this comment.");
              }
              long id =
                  CommentStore.insert(
                      tx,
                      new Comment(
                          0,
                          article.id(),
                          parentId,
                          comment.name(),
                          comment.email(),
                          comment.website(),
                          comment.body(),
                          status,
                          now,
                          visitor.ip(),
                          draft.notifyReplies(),
                          spamProbability,
                          "",
                          false));
              if (status == CommentStatus.APPROVED) {
                refreshCount(tx, article.id());
              }
              Comment stored = store.byId(tx, id).orElseThrow();
              return status == CommentStatus.APPROVED
                  ? new PostOutcome.Published(stored)
                  : new PostOutcome.Held(stored);
            });
    if (outcome instanceof PostOutcome.Published published) {
      notices.published(
          article, published.comment(), parentId == null ? null : find(parentId).orElse(null));
    }
    return outcome;
  }

  private CommentStatus status(
      Transaction tx,
      CommentPolicy.Cleaned comment,
      CommentSettings limits,
      double spamProbability) {
    if (CommentPolicy.blockedEmail(comment.email(), limits)
        || spamProbability >= limits.spamThreshold()) {
      return CommentStatus.SPAM;
    }
    CommentStatus status =
        switch (limits.moderation()) {
          case "none" -> CommentStatus.APPROVED;
          case "all" -> CommentStatus.HELD;
          default ->
              store.hasApprovedComment(tx, comment.email())
                  ? CommentStatus.APPROVED
                  : CommentStatus.HELD;
        };
    if (CommentPolicy.blockedWord(comment, limits) != null || spamProbability > 0.5) {
      return CommentStatus.HELD;
    }
    return status;
  }

  private Long parent(
      Transaction tx, Article article, String parent, Map<String, String> problems) {
    if (parent == null || parent.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(parent.strip());
      Optional<Comment> answered = store.byId(tx, id);
      if (answered.isPresent()
          && answered.get().articleId() == article.id()
          && answered.get().status() == CommentStatus.APPROVED) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Reported below like any other comment that cannot be answered.
    }
    problems.put(
        "form",
        "The comment you are replying to is not available any more. You can post yours as a new comment.");
    return null;
  }

  private static PostOutcome refused(String field, String message) {
    return new PostOutcome.Refused(Map.of(field, message));
  }

  /** What the spam filter learned, read within the caller's transaction. */
  SpamFilter.Memory memory(Transaction tx) {
    return new SpamFilter.Memory() {
      @Override
      public Map<String, SpamFilter.Counts> counts(Set<String> tokens) {
        return store.spamCounts(tx, tokens);
      }

      @Override
      public SpamFilter.Counts totals() {
        return store.spamTotals(tx);
      }
    };
  }

  // Seeding

  /** A comment to seed, naming its parent by the seed's own key. */
  public record Seed(
      String key,
      String parentKey,
      String name,
      String email,
      String website,
      String body,
      Instant createdAt) {}

  /** Adds already-approved comments (the demo edition's) in one transaction. */
  public void seed(long articleId, List<Seed> seeds) {
    database.useTransaction(
        tx -> {
          Map<String, Long> ids = new HashMap<>();
          for (Seed seed : seeds) {
            Long parent = seed.parentKey() == null ? null : ids.get(seed.parentKey());
            if (seed.parentKey() != null && parent == null) {
              throw new IllegalArgumentException(
                  "Comment "
                      + seed.key()
                      + " answers "
                      + seed.parentKey()
                      + ", which comes later or does not exist");
            }
            long id =
                CommentStore.insert(
                    tx,
                    new Comment(
                        0,
                        articleId,
                        parent,
                        seed.name(),
                        seed.email().toLowerCase(java.util.Locale.ROOT),
                        seed.website() == null ? "" : seed.website(),
                        seed.body(),
                        CommentStatus.APPROVED,
                        seed.createdAt(),
                        "",
                        false,
                        0,
                        "",
                        false));
            ids.put(seed.key(), id);
          }
          refreshCount(tx, articleId);
        });
  }

  /** Keeps the article's shown count true; runs inside the transaction that changed it. */
  void refreshCount(Transaction tx, long articleId) {
    // Lock the article's row first: a concurrent transaction counting the same article waits,
    // then counts with our comment committed, so no count is lost (PostgreSQL READ COMMITTED).
    articles.lockForCommentCount(tx, articleId);
    articles.setCommentCount(tx, articleId, store.countForArticle(tx, articleId));
    store.recordChange(tx, articleId);
  }

  /**
   * What waits for the moderators, for the newsroom's dashboard.
   *
   * @param held comments held for moderation
   * @param reported comments with readers' open reports
   */
  public record Waiting(int held, int reported) {}

  public Waiting waiting() {
    ModerationStore queue = new ModerationStore();
    return database.read(
        tx ->
            new Waiting(
                queue.countsByStatus(tx, null).get(CommentStatus.HELD),
                queue.reportedCount(tx, null)));
  }

  ArticleService articles() {
    return articles;
  }

  CommentSettings settings() {
    return settings.get();
  }

  CommentNotices notices() {
    return notices;
  }
}
