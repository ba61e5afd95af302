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
    /** Stored as this version of the article. */
    record Saved(long id, long version) implements SaveOutcome {}

    /** Nothing was stored; the problems are by field (headline, slug, …). */
    record Refused(Map<String, String> problems) implements SaveOutcome {}

    record NotFound(long id) implements SaveOutcome {}

    /**
     * Nothing was stored: the article was saved by someone else since the version the writer
     * started from.
     *
     * @param savedBy who saved the current version (a revision's actor), null when not known
     * @param savedAt when, null when not known
     */
    record Stale(long id, long currentVersion, String savedBy, Instant savedAt)
        implements SaveOutcome {}
  }

  /** What became of a move from one state to another. */
  public sealed interface MoveOutcome {
    /** Moved; {@code from} is the state it left. */
    record Moved(DeskArticle article, ArticleStatus from) implements MoveOutcome {}

    /** Nothing was changed, for this reason (the article moved meanwhile, a time passed, …). */
    record Refused(String reason) implements MoveOutcome {}

    record NotFound(long id) implements MoveOutcome {}
  }

  /** An article as stored, to be edited: save it back from {@code version}. */
  public record Editable(long id, long version, Long createdBy, ArticleDraft draft) {}

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
  private final ArticleStore store;
  private final ArticleTimesStore times;
  private final DraftStore drafts = new DraftStore();
  private final DeskStore deskStore = new DeskStore();
  private final Revisions revisions;
  private final StateChanges changes;
  private final Saving saving;
  private final AuthorStore authors = new AuthorStore();
  private final CommentCountStore commentCounts = new CommentCountStore();
  private final DeskListingStore listings = new DeskListingStore();
  private final PictureUseStore pictureUses = new PictureUseStore();
  private final BodyRenderer bodies = new BodyRenderer();
  private final Clock clock;

  /** A crop of a picture that an article's card shows. */
  public record CardCrop(long imageId, org.broadsheet.media.Crop crop) {}

  /**
   * The crops articles' cards show whose copies are not made yet, of every picture (null) or one:
   * until they are, those cards show the whole lead picture.
   */
  public List<CardCrop> cardCropsToMake(Long imageId) {
    return database.read(tx -> store.cardCropsToMake(tx, imageId));
  }

  public ArticleService(Database database) {
    this(database, Clock.systemUTC());
  }

  /**
   * @param clock what time it is for readers: an article is shown once its time has come, a picture
   *     whose rights expired by then is not; scheduled articles are published by it
   */
  public ArticleService(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.store = new ArticleStore(clock);
    this.times = new ArticleTimesStore(clock);
    this.revisions = new Revisions(drafts, clock);
    this.changes = new StateChanges(deskStore, store, revisions, clock);
    this.saving = new Saving(store, drafts, revisions, clock);
  }

  /** What time it is for readers: the clock that decides what is published and when. */
  public Instant now() {
    return clock.instant();
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

  /** Whether the article with this slug was taken down (unpublished), so its page is gone. */
  public boolean unpublished(String slug) {
    return database.read(
        tx ->
            store
                .idOf(tx, slug)
                .flatMap(id -> deskStore.byId(tx, id))
                .map(a -> a.status() == ArticleStatus.UNPUBLISHED)
                .orElse(false));
  }

  public boolean exists(String slug) {
    return database.read(tx -> store.exists(tx, slug));
  }

  public Optional<Long> idOf(String slug) {
    return database.read(tx -> store.idOf(tx, slug));
  }

  /**
   * The body's HTML as written (feeds, search). A figure whose picture was withdrawn (its rights
   * expired) is shown as its caption and credit in its place.
   */
  public String renderBody(Article article) {
    return renderBody(article, Typography.AS_WRITTEN);
  }

  /** The body as its page shows it, typeset or as written as the house style says. */
  public String renderBody(Article article, Typography typography) {
    Map<String, Image> withdrawn = Map.of();
    if (Figures.in(article.body()).stream()
        .anyMatch(placement -> !article.figures().containsKey(placement.source()))) {
      Instant now = clock.instant();
      withdrawn = new LinkedHashMap<>(database.read(tx -> pictureUses.figures(tx, article.id())));
      withdrawn.keySet().removeAll(article.figures().keySet());
      withdrawn.values().removeIf(picture -> picture.shownAt(now));
    }
    return bodies.render(article.body(), article.figures(), withdrawn, typography);
  }

  /**
   * The lead picture of an article as readers see it, when it was withdrawn because its rights
   * expired: the page shows its caption and credit in its place.
   */
  public Optional<Image> withdrawnLead(Article shown) {
    if (shown.leadImage() != null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return database
        .read(tx -> pictureUses.lead(tx, shown.id()))
        .filter(picture -> !picture.shownAt(now));
  }

  /**
   * Articles to read next after this one: first those the finder says are most like it (in its
   * order), then published articles sharing its tags, those sharing the most first, then the
   * newest.
   */
  public List<ArticleSummary> related(Article article, RelatedStories finder, int limit) {
    List<Long> alike = finder.alike(article.id(), limit);
    return database.read(
        tx -> {
          List<ArticleSummary> stories = new ArrayList<>(store.publishedAmong(tx, alike));
          if (stories.size() < limit) {
            for (ArticleSummary sharingTags : store.related(tx, article.id(), limit)) {
              if (stories.size() < limit
                  && stories.stream().noneMatch(s -> s.id() == sharingTags.id())) {
                stories.add(sharingTags);
              }
            }
          }
          return List.copyOf(stories);
        });
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
    CurationService.Picks picks = CurationService.picks(tx, store);
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

  // The newsroom's desk

  /** Articles of every status for the newsroom, filtered, most recently changed first. */
  public DeskListing desk(DeskListing.Query query) {
    return database.read(tx -> listings.list(tx, query));
  }

  /** The article with this id, whatever its status, with every picture it names. */
  public Optional<Article> byId(long id) {
    return database.read(tx -> store.slugOf(tx, id).flatMap(slug -> store.bySlug(tx, slug, false)));
  }

  /** The article's search-engine title and description; empty ones when it has none. */
  public Seo seo(long articleId) {
    return database.read(tx -> listings.seo(tx, articleId));
  }

  /** Every author with a byline page, by name: the editor's choices of bylines. */
  public List<Author> authors() {
    return database.read(listings::everyAuthor);
  }

  /**
   * Stores a new article from the newsroom's editor with what it writes beside the article's
   * fields, all or nothing; every problem (the draft's and the search-engine fields') is told.
   */
  public SaveOutcome create(ArticleDraft draft, Seo seo, boolean commentsOpen, Actor actor) {
    return database.inTransaction(tx -> create(tx, draft, seo, commentsOpen, actor));
  }

  /**
   * As {@link #create(ArticleDraft, Seo, boolean, Actor)}, in the caller's transaction (which
   * stores something else with the article, all or nothing, and rolls back when it is not saved).
   */
  public SaveOutcome create(
      Transaction tx, ArticleDraft draft, Seo seo, boolean commentsOpen, Actor actor) {
    Map<String, String> seoProblems = seo.problems();
    if (!seoProblems.isEmpty()) {
      return refusedWith(saving.problems(tx, null, draft), seoProblems);
    }
    SaveOutcome outcome = saving.create(tx, draft, actor, "created");
    if (outcome instanceof SaveOutcome.Saved saved) {
      listings.setSeo(tx, saved.id(), seo);
      commentCounts.setOpen(tx, saved.id(), commentsOpen);
    }
    return outcome;
  }

  /**
   * As {@link #create(ArticleDraft, Seo, boolean, Actor)}, over the article with this id, when it
   * is still at the version the writer started from (otherwise {@link SaveOutcome.Stale}).
   */
  public SaveOutcome update(
      long id, long startedFrom, ArticleDraft draft, Seo seo, boolean commentsOpen, Actor actor) {
    return database.inTransaction(
        tx -> update(tx, id, startedFrom, draft, seo, commentsOpen, actor));
  }

  /**
   * As {@link #update(long, long, ArticleDraft, Seo, boolean, Actor)}, in the caller's transaction.
   */
  public SaveOutcome update(
      Transaction tx,
      long id,
      long startedFrom,
      ArticleDraft draft,
      Seo seo,
      boolean commentsOpen,
      Actor actor) {
    Map<String, String> seoProblems = seo.problems();
    if (!seoProblems.isEmpty() && store.slugOf(tx, id).isPresent()) {
      return refusedWith(saving.problems(tx, id, draft), seoProblems);
    }
    SaveOutcome outcome = saving.update(tx, id, startedFrom, draft, actor, "edited");
    if (outcome instanceof SaveOutcome.Saved) {
      listings.setSeo(tx, id, seo);
      commentCounts.setOpen(tx, id, commentsOpen);
    }
    return outcome;
  }

  private static SaveOutcome refusedWith(Map<String, String> problems, Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(problems);
    all.putAll(more);
    return new SaveOutcome.Refused(all);
  }

  // Writing

  /** Stores a new article, created by this actor; a slug another article had becomes this one's. */
  public SaveOutcome create(ArticleDraft draft, Actor actor) {
    return database.inTransaction(tx -> saving.create(tx, draft, actor, "created"));
  }

  /**
   * Stores the draft over the article with this id, if it is still at the version the writer
   * started from; otherwise answers {@link SaveOutcome.Stale} and changes nothing. The article
   * keeps its state (the draft's status is not used): states change through {@link #move} and
   * {@link #schedule}. A new slug keeps the old one in the article's history, so its old address
   * answers with a permanent redirect to the new one.
   */
  public SaveOutcome update(long id, long startedFrom, ArticleDraft draft, Actor actor) {
    return database.inTransaction(tx -> saving.update(tx, id, startedFrom, draft, actor, "edited"));
  }

  /**
   * Stores the draft as the article with its slug, new or not (an import run again updates what it
   * imported before), in the draft's state; returns its id. Throws when the draft breaks {@link
   * ArticleRules}. A published draft dated in the future is stored as scheduled.
   */
  public long save(ArticleDraft draft, Actor actor) {
    return database.inTransaction(tx -> save(tx, draft, actor));
  }

  /** As {@link #save(ArticleDraft, Actor)}, saved as an import. */
  public long save(ArticleDraft draft) {
    return save(draft, Actor.IMPORT);
  }

  /**
   * As {@link #save(ArticleDraft, Actor)}, within the caller's transaction (an import's pictures).
   */
  public long save(Transaction tx, ArticleDraft draft, Actor actor) {
    Optional<Long> existing = store.idOf(tx, draft.slug());
    String what = actor == Actor.IMPORT ? "imported" : "saved";
    SaveOutcome outcome =
        existing.isPresent()
            ? saving.replace(
                tx, existing.get(), withDeskCardCrop(tx, existing.get(), draft, actor), actor, what)
            : saving.create(tx, draft, actor, what);
    return switch (outcome) {
      case SaveOutcome.Saved saved -> saved.id();
      case SaveOutcome.Refused refused ->
          throw new IllegalArgumentException(
              "Article " + draft.slug() + " refused: " + refused.problems());
      case SaveOutcome.NotFound notFound ->
          throw new IllegalStateException("Article " + notFound.id() + " vanished while saved");
      case SaveOutcome.Stale stale ->
          throw new IllegalStateException("Article " + stale.id() + " changed while saved");
    };
  }

  /**
   * A Markdown file cannot say how the card crops its picture, so an import run again keeps the
   * crop (and the card's alt text) the desk gave the article, as long as the lead picture is still
   * the same one; a new lead picture needs a crop of its own.
   */
  private ArticleDraft withDeskCardCrop(Transaction tx, long id, ArticleDraft draft, Actor actor) {
    if (actor != Actor.IMPORT || draft.cardCrop() != null || draft.leadImageId() == null) {
      return draft;
    }
    return drafts
        .stored(tx, id)
        .map(DraftStore.Stored::draft)
        .filter(stored -> stored.cardCrop() != null)
        .filter(stored -> draft.leadImageId().equals(stored.leadImageId()))
        .map(stored -> draft.withCardCrop(stored.cardCrop(), stored.cardAltText()))
        .orElse(draft);
  }

  // The desk: states, versions, revisions

  /** Articles in this state (every state when null), the most recently changed first. */
  public List<DeskArticle> desk(ArticleStatus status, int limit) {
    return database.read(tx -> deskStore.list(tx, status, limit));
  }

  public Optional<DeskArticle> desk(long id) {
    return database.read(tx -> deskStore.byId(tx, id));
  }

  /** The article with this slug, whatever its state. */
  public Optional<DeskArticle> desk(String slug) {
    return database.read(tx -> store.idOf(tx, slug).flatMap(id -> deskStore.byId(tx, id)));
  }

  /** The article as stored, every field as a draft hands it in, with the version to save from. */
  public Optional<Editable> editable(long id) {
    return database.read(
        tx ->
            drafts
                .stored(tx, id)
                .map(s -> new Editable(id, s.version(), s.createdBy(), s.draft())));
  }

  /**
   * Moves the article from the state the mover saw to another, as a new version and revision; its
   * pages, feeds, search and sitemaps follow through the change log. Publishing dates a first
   * publication now; an article published again keeps its first date. For {@link
   * ArticleStatus#SCHEDULED} use {@link #schedule}.
   */
  public MoveOutcome move(long id, ArticleStatus from, ArticleStatus to, Actor actor) {
    if (to == ArticleStatus.SCHEDULED) {
      return new MoveOutcome.Refused("scheduling needs the time to publish at");
    }
    return database.inTransaction(tx -> changes.move(tx, id, from, to, null, actor));
  }

  /**
   * Schedules the article to be published at this time (in the future), or moves the time of one
   * scheduled already.
   */
  public MoveOutcome schedule(long id, ArticleStatus from, Instant at, Actor actor) {
    return database.inTransaction(
        tx -> changes.move(tx, id, from, ArticleStatus.SCHEDULED, at, actor));
  }

  /**
   * Publishes every scheduled article whose time has come, each in its own transaction: run by the
   * clock while the site serves and at once when it starts. Safe on several nodes at once: each
   * article is published by one of them. Returns the articles published.
   */
  public List<DeskArticle> publishDue() {
    List<DeskArticle> published = new ArrayList<>();
    for (long id : database.read(changes::due)) {
      if (database.inTransaction(tx -> changes.publishIfDue(tx, id))) {
        desk(id).ifPresent(published::add);
      }
    }
    return published;
  }

  /**
   * Published articles dated in the future become scheduled ones (stored so before the workflow, or
   * by hand); run when the site opens.
   */
  public int keepSchedules() {
    return database.inTransaction(changes::scheduleFutureOnes);
  }

  /** The article's revisions, newest first. */
  public List<Revision> revisions(long articleId) {
    return database.read(tx -> revisions.ofArticle(tx, articleId));
  }

  public Optional<Revision> revision(long revisionId) {
    return database.read(tx -> revisions.byId(tx, revisionId));
  }

  /**
   * What changed between two revisions of one article, older first whichever order they are given
   * in; empty when either is not there or they are of different articles.
   */
  public Optional<RevisionDiff> diff(long revisionId, long otherRevisionId) {
    return database.read(
        tx -> {
          Optional<Revision> a = revisions.byId(tx, revisionId);
          Optional<Revision> b = revisions.byId(tx, otherRevisionId);
          if (a.isEmpty() || b.isEmpty() || a.get().articleId() != b.get().articleId()) {
            return Optional.empty();
          }
          return Optional.of(Revisions.diff(a.get(), b.get()));
        });
  }

  /**
   * Stores the fields of an earlier revision over the article, as a new version and revision. The
   * article keeps its state and its corrections (they keep their own history); the writer must have
   * started from the current version, as for {@link #update}.
   */
  public SaveOutcome restoreRevision(
      long articleId, long revisionId, long startedFrom, Actor actor) {
    return database.inTransaction(
        tx -> {
          Optional<Revision> revision = revisions.byId(tx, revisionId);
          if (revision.isEmpty() || revision.get().articleId() != articleId) {
            return new SaveOutcome.NotFound(articleId);
          }
          return saving.update(
              tx,
              articleId,
              startedFrom,
              revision.get().content(),
              actor,
              "restored version " + revision.get().version());
        });
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

  // Pictures

  /**
   * What keeps this article from being published on account of its pictures: each lead or body
   * picture without alt text or a credit as the article shows it. Empty when there is nothing (or
   * no such article). The publish action asks it before publishing.
   */
  public List<PictureProblem> pictureProblems(long articleId) {
    return database.read(tx -> pictureProblems(tx, articleId));
  }

  /** As {@link #pictureProblems(long)}, within the caller's transaction (publishing, an import). */
  public List<PictureProblem> pictureProblems(Transaction tx, long articleId) {
    return store
        .slugOf(tx, articleId)
        .flatMap(slug -> store.bySlug(tx, slug, false))
        .map(PictureProblem::of)
        .orElse(List.of());
  }

  /** The articles using each of these pictures, by picture id (pictures used nowhere left out). */
  public Map<Long, List<PictureUse>> pictureUses(java.util.Collection<Long> imageIds) {
    return database.read(tx -> pictureUses.uses(tx, imageIds));
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

  private Article shown(Article article) {
    return ShownPictures.of(article, clock.instant());
  }

  private List<ArticleSummary> shown(List<ArticleSummary> summaries) {
    return ShownPictures.of(summaries, clock.instant());
  }
}
