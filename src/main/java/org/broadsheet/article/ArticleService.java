package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.media.Image;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * The article feature's public face: reading what readers see, and storing drafts. Each method
 * opens its own transaction, except those that take the caller's {@link Transaction} to join it.
 */
public final class ArticleService {
  /** One page of a listing, and how many pages there are. */
  public record Listing(List<ArticleSummary> articles, int page, int pageCount) {}

  /** What became of a draft handed in to be stored. */
  public sealed interface SaveOutcome {
    record Saved(long id) implements SaveOutcome {}

    /** Nothing was stored; the problems are by field (headline, slug, …). */
    record Refused(Map<String, String> problems) implements SaveOutcome {}

    record NotFound(long id) implements SaveOutcome {}
  }

  /** Change-log topic of a stored article; the subject is its id. */
  public static final String TOPIC = "article";

  /**
   * Change-log topics of sections and authors, whose names every page's navigation or bylines show.
   */
  static final String SECTION_TOPIC = "section";

  static final String AUTHOR_TOPIC = "author";

  /** Cache tag of every page that lists articles: front, section, tag and author pages, feeds. */
  public static final String LISTINGS = "listing";

  static final int LATEST_ON_FRONT = 6;
  private static final int PER_SECTION_ON_FRONT = 4;

  private final Database database;
  private final ArticleStore store = new ArticleStore();
  private final ArticleTimesStore times = new ArticleTimesStore();
  private final DraftStore drafts = new DraftStore();
  private final AuthorStore authors = new AuthorStore();
  private final CommentCountStore commentCounts = new CommentCountStore();
  private final BodyRenderer bodies = new BodyRenderer();
  private final Clock clock;

  public ArticleService(Database database) {
    this(database, Clock.systemUTC());
  }

  /**
   * @param clock what time it is for readers: a picture whose rights expired by then is not shown
   */
  public ArticleService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Cache tag of every page that shows this article: its own, its feed, listings with it. */
  public static String pageTag(long articleId) {
    return "article:" + articleId;
  }

  /** The published article as readers see it: pictures whose rights expired are withdrawn. */
  public Optional<Article> published(String slug) {
    return database.read(tx -> store.bySlug(tx, slug, true)).map(this::shown);
  }

  public Optional<Article> any(String slug) {
    return database.read(tx -> store.bySlug(tx, slug, false));
  }

  /**
   * The path a published article has now, when the slug asked for is one it had before: its old
   * addresses lead to the new one.
   */
  public Optional<String> renamed(String formerSlug) {
    return database.read(tx -> store.renamedTo(tx, formerSlug)).map(Article::pathOf);
  }

  public boolean exists(String slug) {
    return database.read(tx -> store.exists(tx, slug));
  }

  public Optional<Long> idOf(String slug) {
    return database.read(tx -> store.idOf(tx, slug));
  }

  public String renderBody(Article article) {
    return bodies.render(article.body(), article.figures());
  }

  /** The body as its page shows it, typeset or as written as the house style says. */
  public String renderBody(Article article, Typography typography) {
    return bodies.render(article.body(), article.figures(), typography);
  }

  /**
   * Articles to read next after this one: published articles sharing its tags, those sharing the
   * most first, then the newest. Kept behind this one method so that a search index (say Lucene's
   * MoreLikeThis) can take over without the page noticing.
   */
  public List<ArticleSummary> related(Article article, int limit) {
    return database.read(tx -> store.related(tx, article.id(), limit));
  }

  /** The newest published articles of this article's section, the article itself left out. */
  public List<ArticleSummary> latestInSection(Article article, int limit) {
    return database.read(
        tx ->
            store
                .published(tx, ArticleStore.Filter.section(article.section().id()), 0, limit + 1)
                .stream()
                .filter(s -> s.id() != article.id())
                .limit(limit)
                .toList());
  }

  public List<Section> sections() {
    return database.read(store::sections);
  }

  /**
   * The lead story, the latest after it, then each section's newest not shown above. The editors'
   * picks come first ({@link CurationService}): the pinned lead, then the top stories in their
   * order; the newest fill the places left.
   */
  public FrontPageContent frontPage() {
    return database.read(this::frontPage);
  }

  private FrontPageContent frontPage(Transaction tx) {
    CurationService.Picks picks = CurationService.picks(tx);
    List<ArticleSummary> picked = shown(picks.top());
    List<ArticleSummary> newest =
        shown(
            store.published(
                tx, ArticleStore.Filter.ALL, 0, LATEST_ON_FRONT + 2 + picks.top().size()));
    ArticleSummary lead =
        picks.lead() != null
            ? shown(List.of(picks.lead())).getFirst()
            : newest.stream()
                .limit(LATEST_ON_FRONT + 1)
                .filter(s -> s.leadImage() != null)
                .findFirst()
                .orElse(newest.isEmpty() ? null : newest.getFirst());
    List<ArticleSummary> latest = new ArrayList<>();
    for (ArticleSummary story : concat(picked, newest)) {
      if (latest.size() < LATEST_ON_FRONT
          && (lead == null || story.id() != lead.id())
          && latest.stream().noneMatch(s -> s.id() == story.id())) {
        latest.add(story);
      }
    }
    List<Long> shown = new ArrayList<>(latest.stream().map(ArticleSummary::id).toList());
    if (lead != null) {
      shown.add(lead.id());
    }
    List<FrontPage.SectionGroup> groups = new ArrayList<>();
    for (Section section : store.sections(tx)) {
      List<ArticleSummary> articles =
          shown(
                  store.published(
                      tx,
                      ArticleStore.Filter.section(section.id()),
                      0,
                      PER_SECTION_ON_FRONT + LATEST_ON_FRONT + 1))
              .stream()
              .filter(s -> !shown.contains(s.id()))
              .limit(PER_SECTION_ON_FRONT)
              .toList();
      if (!articles.isEmpty()) {
        groups.add(new FrontPage.SectionGroup(section, articles));
      }
    }
    return new FrontPageContent(lead, List.copyOf(latest), groups);
  }

  private static List<ArticleSummary> concat(List<ArticleSummary> a, List<ArticleSummary> b) {
    List<ArticleSummary> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  public record FrontPageContent(
      ArticleSummary lead, List<ArticleSummary> latest, List<FrontPage.SectionGroup> sections) {}

  public Optional<Section> section(String slug) {
    return database.read(tx -> store.section(tx, slug));
  }

  public Optional<Tag> tag(String slug) {
    return database.read(tx -> store.tag(tx, slug));
  }

  public Optional<Author> author(String slug) {
    return database.read(tx -> store.author(tx, slug));
  }

  public Listing inSection(Section section, int page, int pageSize) {
    return listing(ArticleStore.Filter.section(section.id()), page, pageSize);
  }

  public Listing tagged(Tag tag, int page, int pageSize) {
    return listing(ArticleStore.Filter.tag(tag.id()), page, pageSize);
  }

  public Listing byAuthor(Author author, int page, int pageSize) {
    return listing(ArticleStore.Filter.author(author.id()), page, pageSize);
  }

  public Listing latest(int page, int pageSize) {
    return listing(ArticleStore.Filter.ALL, page, pageSize);
  }

  private Listing listing(ArticleStore.Filter filter, int page, int pageSize) {
    return database.read(
        tx -> {
          int total = store.countPublished(tx, filter);
          int pageCount = Math.max(1, (total + pageSize - 1) / pageSize);
          return new Listing(
              shown(store.published(tx, filter, (page - 1) * pageSize, pageSize)), page, pageCount);
        });
  }

  // Writing

  /** Stores a new article; a slug another article had before becomes this one's. */
  public SaveOutcome create(ArticleDraft draft) {
    return database.inTransaction(tx -> create(tx, draft));
  }

  /**
   * Stores the draft over the article with this id. A new slug keeps the old one in the article's
   * history, so its old address answers with a permanent redirect to the new one.
   */
  public SaveOutcome update(long id, ArticleDraft draft) {
    return database.inTransaction(tx -> update(tx, id, draft));
  }

  /**
   * Stores the draft as the article with its slug, new or not (an import run again updates what it
   * imported before); returns its id. Throws when the draft breaks {@link ArticleRules}.
   */
  public long save(ArticleDraft draft) {
    return database.inTransaction(tx -> save(tx, draft));
  }

  /** As {@link #save(ArticleDraft)}, within the caller's transaction (an import's pictures). */
  public long save(Transaction tx, ArticleDraft draft) {
    Optional<Long> existing = store.idOf(tx, draft.slug());
    SaveOutcome outcome =
        existing.isPresent() ? update(tx, existing.get(), draft) : create(tx, draft);
    return switch (outcome) {
      case SaveOutcome.Saved saved -> saved.id();
      case SaveOutcome.Refused refused ->
          throw new IllegalArgumentException(
              "Article " + draft.slug() + " refused: " + refused.problems());
      case SaveOutcome.NotFound notFound ->
          throw new IllegalStateException("Article " + notFound.id() + " vanished while saved");
    };
  }

  private SaveOutcome create(Transaction tx, ArticleDraft draft) {
    Map<String, String> problems = problems(tx, null, draft);
    return problems.isEmpty()
        ? new SaveOutcome.Saved(drafts.create(tx, draft))
        : new SaveOutcome.Refused(problems);
  }

  private SaveOutcome update(Transaction tx, long id, ArticleDraft draft) {
    if (store.slugOf(tx, id).isEmpty()) {
      return new SaveOutcome.NotFound(id);
    }
    Map<String, String> problems = problems(tx, id, draft);
    if (!problems.isEmpty()) {
      return new SaveOutcome.Refused(problems);
    }
    return drafts.update(tx, id, draft) ? new SaveOutcome.Saved(id) : new SaveOutcome.NotFound(id);
  }

  private Map<String, String> problems(Transaction tx, Long id, ArticleDraft draft) {
    Map<String, String> problems = new LinkedHashMap<>(ArticleRules.problems(draft));
    if (!problems.containsKey("slug")) {
      Optional<Long> holder = store.idOf(tx, draft.slug());
      if (holder.isPresent() && !holder.get().equals(id)) {
        problems.put("slug", "slug \"" + draft.slug() + "\" is another article's");
      }
    }
    return problems;
  }

  // Authors

  public void describeAuthor(String name, String bio) {
    database.useTransaction(tx -> authors.describe(tx, name, bio));
  }

  /** Describes an author, added when new, with a job title and fields of expertise. */
  public void describeAuthor(String name, String bio, String jobTitle, List<String> expertise) {
    database.useTransaction(tx -> authors.describe(tx, name, bio, jobTitle, expertise));
  }

  /** Where the article's authors are told of comments; never shown to readers. */
  public List<String> authorEmails(long articleId) {
    return database.read(tx -> authors.emails(tx, articleId));
  }

  /** Records an author's email for notifications; false when there is no such author. */
  public boolean setAuthorEmail(String authorSlug, String email) {
    return database.inTransaction(tx -> authors.setEmail(tx, authorSlug, email));
  }

  public Optional<String> slugOf(long articleId) {
    return database.read(tx -> store.slugOf(tx, articleId));
  }

  /**
   * Published articles whose publication time falls in (after, until]: scheduled ones that came
   * due.
   */
  public List<Long> publishedBetween(Instant after, Instant until) {
    return database.read(tx -> store.publishedBetween(tx, after, until));
  }

  // The comment feature's counter

  /**
   * Holds the article's row until the caller's transaction ends, before its count is taken: a
   * concurrent transaction counting the same article waits, then counts with ours committed.
   */
  public void lockForCommentCount(Transaction tx, long articleId) {
    commentCounts.lock(tx, articleId);
  }

  /** Kept by the comment feature, inside its own transaction. */
  public void setCommentCount(Transaction tx, long articleId, int count) {
    commentCounts.setCount(tx, articleId, count);
  }

  public void setCommentsOpen(long articleId, boolean open) {
    database.useTransaction(tx -> commentCounts.setOpen(tx, articleId, open));
  }

  /** The newest published articles in full, newest first: what the site's feeds carry. */
  public List<Article> newest(int limit) {
    return newest(ArticleStore.Filter.ALL, limit);
  }

  public List<Article> newestInSection(Section section, int limit) {
    return newest(ArticleStore.Filter.section(section.id()), limit);
  }

  public List<Article> newestTagged(Tag tag, int limit) {
    return newest(ArticleStore.Filter.tag(tag.id()), limit);
  }

  public List<Article> newestByAuthor(Author author, int limit) {
    return newest(ArticleStore.Filter.author(author.id()), limit);
  }

  private List<Article> newest(ArticleStore.Filter filter, int limit) {
    return database.read(tx -> store.newest(tx, filter, limit)).stream().map(this::shown).toList();
  }

  /**
   * Articles published in [from, until) whose time has come, oldest first; drafts and articles
   * scheduled for later are never among them.
   */
  public List<ArticleTimes> publishedTimes(Instant from, Instant until) {
    return database.read(tx -> times.publishedTimes(tx, from, until));
  }

  /** Section pages with a published article, by path, with the time their newest changed. */
  public List<ListingTimes> sectionTimes() {
    return database.read(times::sectionTimes);
  }

  public List<ListingTimes> tagTimes() {
    return database.read(times::tagTimes);
  }

  public List<ListingTimes> authorTimes() {
    return database.read(times::authorTimes);
  }

  /** The article without the pictures whose rights to be shown have expired. */
  private Article shown(Article article) {
    Instant now = clock.instant();
    boolean leadShown = article.leadImage() == null || article.leadImage().shownAt(now);
    if (leadShown && article.figures().values().stream().allMatch(i -> i.shownAt(now))) {
      return article;
    }
    Map<String, Image> figures = new LinkedHashMap<>();
    article
        .figures()
        .forEach(
            (reference, image) -> {
              if (image.shownAt(now)) {
                figures.put(reference, image);
              }
            });
    return new Article(
        article.id(),
        article.slug(),
        article.kicker(),
        article.headline(),
        article.standfirst(),
        article.body(),
        article.section(),
        article.authors(),
        article.tags(),
        article.status(),
        article.publishedAt(),
        article.updatedAt(),
        leadShown ? article.leadImage() : null,
        figures,
        article.commentsOpen(),
        article.commentCount(),
        article.type(),
        article.dateline(),
        article.sources(),
        article.corrections());
  }

  private List<ArticleSummary> shown(List<ArticleSummary> summaries) {
    Instant now = clock.instant();
    return summaries.stream()
        .map(
            s ->
                s.leadImage() == null || s.leadImage().shownAt(now)
                    ? s
                    : new ArticleSummary(
                        s.id(),
                        s.slug(),
                        s.kicker(),
                        s.headline(),
                        s.standfirst(),
                        s.section(),
                        s.authors(),
                        s.publishedAt(),
                        null,
                        s.commentCount(),
                        s.type()))
        .toList();
  }
}
