package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.storage.Database;

/** The article feature's public face: reading what readers see, and storing drafts. */
public final class ArticleService {
  /** One page of a listing, and how many pages there are. */
  public record Listing(List<ArticleSummary> articles, int page, int pageCount) {}

  /** Change-log topic of a stored article; the subject is its id. */
  public static final String TOPIC = "article";

  /**
   * Change-log topics of sections and authors, whose names every page's navigation or bylines show.
   */
  static final String SECTION_TOPIC = "section";

  static final String AUTHOR_TOPIC = "author";

  /** Cache tag of every page that lists articles: front, section, tag and author pages, feeds. */
  public static final String LISTINGS = "listing";

  private static final int LATEST_ON_FRONT = 6;
  private static final int PER_SECTION_ON_FRONT = 4;

  private final ArticleStore store;
  private final BodyRenderer bodies = new BodyRenderer();

  public ArticleService(Database database) {
    this.store = new ArticleStore(database);
  }

  /** Cache tag of every page that shows this article: its own, its feed, listings with it. */
  public static String pageTag(long articleId) {
    return "article:" + articleId;
  }

  public Optional<Article> published(String slug) {
    return store.bySlug(slug, true);
  }

  public Optional<Article> any(String slug) {
    return store.bySlug(slug, false);
  }

  public boolean exists(String slug) {
    return store.exists(slug);
  }

  public Optional<Long> idOf(String slug) {
    return store.idOf(slug);
  }

  public String renderBody(Article article) {
    return bodies.render(article.body(), article.figures());
  }

  public List<Section> sections() {
    return store.sections();
  }

  /** The lead story, the latest after it, then each section's newest not shown above. */
  public FrontPageContent frontPage() {
    List<ArticleSummary> top = store.published(ArticleStore.Filter.ALL, 0, LATEST_ON_FRONT + 1);
    ArticleSummary lead =
        top.stream()
            .filter(s -> s.leadImage() != null)
            .findFirst()
            .orElse(top.isEmpty() ? null : top.getFirst());
    List<ArticleSummary> latest = new ArrayList<>(top);
    latest.remove(lead);
    List<Long> shown = new ArrayList<>(top.stream().map(ArticleSummary::id).toList());
    List<FrontPage.SectionGroup> groups = new ArrayList<>();
    for (Section section : store.sections()) {
      List<ArticleSummary> articles =
          store
              .published(
                  ArticleStore.Filter.section(section.id()),
                  0,
                  PER_SECTION_ON_FRONT + LATEST_ON_FRONT)
              .stream()
              .filter(s -> !shown.contains(s.id()))
              .limit(PER_SECTION_ON_FRONT)
              .toList();
      if (!articles.isEmpty()) {
        groups.add(new FrontPage.SectionGroup(section, articles));
      }
    }
    return new FrontPageContent(lead, latest.stream().limit(LATEST_ON_FRONT).toList(), groups);
  }

  public record FrontPageContent(
      ArticleSummary lead, List<ArticleSummary> latest, List<FrontPage.SectionGroup> sections) {}

  public Optional<Section> section(String slug) {
    return store.section(slug);
  }

  public Optional<Tag> tag(String slug) {
    return store.tag(slug);
  }

  public Optional<Author> author(String slug) {
    return store.author(slug);
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
    int total = store.countPublished(filter);
    int pageCount = Math.max(1, (total + pageSize - 1) / pageSize);
    return new Listing(store.published(filter, (page - 1) * pageSize, pageSize), page, pageCount);
  }

  /** Stores the draft, replacing the article with the same slug; returns its id. */
  public long save(ArticleDraft draft) {
    return store.save(draft);
  }

  public void describeAuthor(String name, String bio) {
    store.describeAuthor(name, bio);
  }

  /** Where the article's authors are told of comments; never shown to readers. */
  public List<String> authorEmails(long articleId) {
    return store.authorEmails(articleId);
  }

  /** Records an author's email for notifications; false when there is no such author. */
  public boolean setAuthorEmail(String authorSlug, String email) {
    return store.setAuthorEmail(authorSlug, email);
  }

  public Optional<String> slugOf(long articleId) {
    return store.slugOf(articleId);
  }

  /**
   * Published articles whose publication time falls in (after, until]: scheduled ones that came
   * due.
   */
  public List<Long> publishedBetween(java.time.Instant after, java.time.Instant until) {
    return store.publishedBetween(after, until);
  }

  /** Holds the article's row until the caller's transaction ends, before its count is taken. */
  public void lockForCommentCount(long articleId) {
    store.lockForCommentCount(articleId);
  }

  /** Kept by the comment feature, inside its own transaction. */
  public void setCommentCount(long articleId, int count) {
    store.setCommentCount(articleId, count);
  }

  public void setCommentsOpen(long articleId, boolean open) {
    store.setCommentsOpen(articleId, open);
  }

  /** The newest published articles in full, newest first: what the site's feeds carry. */
  public List<Article> newest(int limit) {
    return store.newest(ArticleStore.Filter.ALL, limit);
  }

  public List<Article> newestInSection(Section section, int limit) {
    return store.newest(ArticleStore.Filter.section(section.id()), limit);
  }

  public List<Article> newestTagged(Tag tag, int limit) {
    return store.newest(ArticleStore.Filter.tag(tag.id()), limit);
  }

  public List<Article> newestByAuthor(Author author, int limit) {
    return store.newest(ArticleStore.Filter.author(author.id()), limit);
  }

  /**
   * Articles published in [from, until) whose time has come, oldest first; drafts and articles
   * scheduled for later are never among them.
   */
  public List<ArticleTimes> publishedTimes(java.time.Instant from, java.time.Instant until) {
    return store.publishedTimes(from, until);
  }

  /** Section pages with a published article, by path, with the time their newest changed. */
  public List<ListingTimes> sectionTimes() {
    return store.sectionTimes();
  }

  public List<ListingTimes> tagTimes() {
    return store.tagTimes();
  }

  public List<ListingTimes> authorTimes() {
    return store.authorTimes();
  }
}
