package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;

/** Reading articles, listings, sections, tags and authors as readers see them. */
final class ArticleStore {
  /** What time it is for readers: an article is shown once its publication time has come. */
  private final Clock clock;

  ArticleStore(Clock clock) {
    this.clock = clock;
  }

  private static final String SUMMARY_COLUMNS =
      """
      a.id, a.slug, a.kicker, a.headline, a.standfirst, a.published_at, a.comment_count,
      a.article_type,
      a.lead_caption, a.lead_alt_text, a.card_alt_text,
      s.id AS s_id, s.slug AS s_slug, s.name AS s_name,
      """
          + MediaService.imageColumns("i")
          + ", "
          + MediaService.cropColumns("c")
          + "\n";
  // The card's crop, when one is set and its copies are made: made for the picture's present
  // copies (their name), so a crop made with the picture's former rights is not found.
  private static final String SUMMARY_FROM =
      """
      FROM article a
      JOIN section s ON s.id = a.section_id
      LEFT JOIN image i ON i.id = a.lead_image_id
      LEFT JOIN image_crop c ON c.source_file = i.file_name AND c.ratio = a.card_ratio
        AND c.focus_x = a.card_focus_x AND c.focus_y = a.card_focus_y
      """;
  static final String PUBLISHED = "a.status = 'published' AND a.published_at <= :now";

  /** An article row before its authors, tags and figures are read. */
  private record ArticleRow(
      ArticleSummary summary,
      String body,
      ArticleStatus status,
      Instant updatedAt,
      boolean commentsOpen,
      String dateline) {}

  private static final String ARTICLE_COLUMNS =
      ", a.body, a.status, a.updated_at, a.comments_open, a.dateline ";

  Optional<Article> bySlug(Transaction tx, String slug, boolean publishedOnly) {
    Handle h = tx.handle();
    return h.createQuery(
            "SELECT "
                + SUMMARY_COLUMNS
                + ARTICLE_COLUMNS
                + SUMMARY_FROM
                + " WHERE a.slug = :slug"
                + (publishedOnly ? " AND " + PUBLISHED : ""))
        .bind("slug", slug)
        .bind("now", clock.millis())
        .map((rs, ctx) -> row(rs))
        .findOne()
        .map(row -> article(h, row, authorsOf(h, List.of(row.summary().id()))));
  }

  /** The newest published articles in full, optionally only those of a section, tag or author. */
  List<Article> newest(Transaction tx, Filter filter, int limit) {
    Handle h = tx.handle();
    List<ArticleRow> rows =
        h.createQuery(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + ARTICLE_COLUMNS
                    + SUMMARY_FROM
                    + " WHERE "
                    + PUBLISHED
                    + filter.condition()
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
            .bind("now", clock.millis())
            .bind("filter", filter.id())
            .bind("limit", limit)
            .map((rs, ctx) -> row(rs))
            .list();
    Map<Long, List<Author>> authors =
        authorsOf(h, rows.stream().map(row -> row.summary().id()).toList());
    return rows.stream().map(row -> article(h, row, authors)).toList();
  }

  private static ArticleRow row(ResultSet rs) throws SQLException {
    return new ArticleRow(
        summary(rs),
        rs.getString("body"),
        ArticleStatus.parse(rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getInt("comments_open") == 1,
        rs.getString("dateline"));
  }

  private static Article article(Handle h, ArticleRow row, Map<Long, List<Author>> authors) {
    ArticleSummary summary = row.summary();
    long id = summary.id();
    return new Article(
        id,
        summary.slug(),
        summary.kicker(),
        summary.headline(),
        summary.standfirst(),
        row.body(),
        summary.section(),
        authors.getOrDefault(id, List.of()),
        tagsOf(h, id),
        row.status(),
        summary.publishedAt(),
        row.updatedAt(),
        summary.leadImage(),
        figuresOf(h, id),
        row.commentsOpen(),
        summary.commentCount(),
        summary.type(),
        row.dateline(),
        sourcesOf(h, id),
        CorrectionStore.standing(h, id));
  }

  boolean exists(Transaction tx, String slug) {
    return idOf(tx, slug).isPresent();
  }

  /** Published articles, newest first, optionally only those of one section, tag or author. */
  List<ArticleSummary> published(Transaction tx, Filter filter, int offset, int limit) {
    Handle h = tx.handle();
    List<ArticleSummary> summaries =
        h.createQuery(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + SUMMARY_FROM
                    + " WHERE "
                    + PUBLISHED
                    + filter.condition()
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
            .bind("now", clock.millis())
            .bind("filter", filter.id())
            .bind("limit", limit)
            .bind("offset", offset)
            .map((rs, ctx) -> summary(rs))
            .list();
    return withAuthors(h, summaries);
  }

  /**
   * Published articles sharing tags with this one, those sharing the most first, then the newest.
   */
  List<ArticleSummary> related(Transaction tx, long articleId, int limit) {
    Handle h = tx.handle();
    List<ArticleSummary> summaries =
        h.createQuery(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + SUMMARY_FROM
                    + """
                    JOIN (SELECT other.article_id AS id, COUNT(*) AS shared
                          FROM article_tag mine
                          JOIN article_tag other ON other.tag_id = mine.tag_id
                          WHERE mine.article_id = :article AND other.article_id <> :article
                          GROUP BY other.article_id) r ON r.id = a.id
                    WHERE """
                    + " "
                    + PUBLISHED
                    + " ORDER BY r.shared DESC, a.published_at DESC, a.id DESC LIMIT :limit")
            .bind("article", articleId)
            .bind("now", clock.millis())
            .bind("limit", limit)
            .map((rs, ctx) -> summary(rs))
            .list();
    return withAuthors(h, summaries);
  }

  /** These articles, those published and due, in the order of the ids given. */
  List<ArticleSummary> publishedAmong(Transaction tx, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Handle h = tx.handle();
    Map<Long, ArticleSummary> found =
        h
            .createQuery(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + SUMMARY_FROM
                    + " WHERE a.id IN (<ids>) AND "
                    + PUBLISHED)
            .bindList("ids", ids)
            .bind("now", System.currentTimeMillis())
            .map((rs, ctx) -> summary(rs))
            .stream()
            .collect(Collectors.toMap(ArticleSummary::id, summary -> summary));
    return withAuthors(h, ids.stream().filter(found::containsKey).map(found::get).toList());
  }

  private List<ArticleSummary> withAuthors(Handle h, List<ArticleSummary> summaries) {
    Map<Long, List<Author>> authors =
        authorsOf(h, summaries.stream().map(ArticleSummary::id).toList());
    return summaries.stream()
        .map(
            s ->
                new ArticleSummary(
                    s.id(),
                    s.slug(),
                    s.kicker(),
                    s.headline(),
                    s.standfirst(),
                    s.section(),
                    authors.getOrDefault(s.id(), List.of()),
                    s.publishedAt(),
                    s.leadImage(),
                    s.commentCount(),
                    s.type(),
                    s.cardImage()))
        .toList();
  }

  int countPublished(Transaction tx, Filter filter) {
    return tx.handle()
        .createQuery("SELECT COUNT(*) " + SUMMARY_FROM + " WHERE " + PUBLISHED + filter.condition())
        .bind("now", clock.millis())
        .bind("filter", filter.id())
        .mapTo(Integer.class)
        .one();
  }

  /** Narrows a listing of published articles. */
  record Filter(String condition, long id) {
    static final Filter ALL = new Filter("", 0);

    /** The editors' picks for the front page ({@code front_page_pick}). */
    static final Filter PICKED =
        new Filter(" AND a.id IN (SELECT article_id FROM front_page_pick)", 0);

    static Filter section(long id) {
      return new Filter(" AND a.section_id = :filter", id);
    }

    static Filter tag(long id) {
      return new Filter(
          " AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :filter)", id);
    }

    static Filter author(long id) {
      return new Filter(
          " AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :filter)", id);
    }
  }

  /** The sections in the navigation's order. */
  List<Section> sections(Transaction tx) {
    return tx.handle()
        .createQuery("SELECT id, slug, name, description FROM section ORDER BY position, name, id")
        .map(
            (rs, ctx) ->
                new Section(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  Optional<Section> section(Transaction tx, String slug) {
    return tx.handle()
        .createQuery("SELECT id, slug, name, description FROM section WHERE slug = :slug")
        .bind("slug", slug)
        .map(
            (rs, ctx) ->
                new Section(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .findOne();
  }

  Optional<Tag> tag(Transaction tx, String slug) {
    return tx.handle()
        .createQuery("SELECT id, slug, name FROM tag WHERE slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .findOne();
  }

  /** The author with the whole profile: job title, expertise and photo. */
  Optional<Author> author(Transaction tx, String slug) {
    return tx.handle()
        .createQuery(PROFILE + " WHERE au.slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> profile(rs))
        .findOne();
  }

  /** Every author with the whole profile, by name. */
  List<Author> authors(Transaction tx) {
    return tx.handle()
        .createQuery(PROFILE + " ORDER BY au.name, au.id")
        .map((rs, ctx) -> profile(rs))
        .list();
  }

  private static final String PROFILE =
      "SELECT au.id, au.slug, au.name, au.bio, au.job_title, au.expertise, "
          + MediaService.imageColumns("p")
          + " FROM author au LEFT JOIN image p ON p.id = au.photo_id";

  private static Author profile(ResultSet rs) throws SQLException {
    return new Author(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("bio"),
        rs.getString("job_title"),
        AuthorStore.expertise(rs.getString("expertise")),
        MediaService.imageIn(rs, "p"));
  }

  /**
   * The crops articles' cards show whose copies are not made for their lead picture's present
   * copies (set by a restored revision or an import, or made with the picture's former rights);
   * only those of one picture when {@code imageId} is given.
   */
  List<ArticleService.CardCrop> cardCropsToMake(Transaction tx, Long imageId) {
    org.jdbi.v3.core.statement.Query query =
        tx.handle()
            .createQuery(
                """
                SELECT DISTINCT a.lead_image_id, a.card_ratio, a.card_focus_x, a.card_focus_y
                FROM article a
                JOIN image i ON i.id = a.lead_image_id
                LEFT JOIN image_crop c ON c.source_file = i.file_name AND c.ratio = a.card_ratio
                  AND c.focus_x = a.card_focus_x AND c.focus_y = a.card_focus_y
                WHERE a.card_ratio <> '' AND c.file_name IS NULL
                """
                    + (imageId == null ? "" : " AND a.lead_image_id = :image"));
    if (imageId != null) {
      query.bind("image", imageId.longValue());
    }
    return query
        .map((rs, ctx) -> new ArticleService.CardCrop(rs.getLong(1), DraftStore.cropIn(rs)))
        .filter(crop -> crop.crop() != null)
        .list();
  }

  Optional<Long> idOf(Transaction tx, String slug) {
    return tx.handle()
        .createQuery("SELECT id FROM article WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(Long.class)
        .findOne();
  }

  Optional<String> slugOf(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery("SELECT slug FROM article WHERE id = :id")
        .bind("id", articleId)
        .mapTo(String.class)
        .findOne();
  }

  /** The slug a published article has now, when this is one it had before. */
  Optional<String> renamedTo(Transaction tx, String formerSlug) {
    return tx.handle()
        .createQuery(
            "SELECT a.slug FROM article_slug f JOIN article a ON a.id = f.article_id"
                + " WHERE f.slug = :slug AND "
                + PUBLISHED)
        .bind("slug", formerSlug)
        .bind("now", clock.millis())
        .mapTo(String.class)
        .findOne();
  }

  List<Long> publishedBetween(Transaction tx, Instant after, Instant until) {
    return tx.handle()
        .createQuery(
            """
            SELECT id FROM article WHERE status = 'published'
              AND published_at > :after AND published_at <= :until
            """)
        .bind("after", after.toEpochMilli())
        .bind("until", until.toEpochMilli())
        .mapTo(Long.class)
        .list();
  }

  private static Map<Long, List<Author>> authorsOf(Handle h, List<Long> articleIds) {
    if (articleIds.isEmpty()) {
      return Map.of();
    }
    return h
        .createQuery(
            """
            SELECT aa.article_id, au.id, au.slug, au.name, au.bio
            FROM article_author aa JOIN author au ON au.id = aa.author_id
            WHERE aa.article_id IN (<ids>)
            ORDER BY aa.article_id, aa.position
            """)
        .bindList("ids", articleIds)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong(1),
                    new Author(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey,
                LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static List<Tag> tagsOf(Handle h, long articleId) {
    return h.createQuery(
            """
            SELECT t.id, t.slug, t.name FROM article_tag art JOIN tag t ON t.id = art.tag_id
            WHERE art.article_id = :id ORDER BY t.name
            """)
        .bind("id", articleId)
        .map((rs, ctx) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private static List<Source> sourcesOf(Handle h, long articleId) {
    return h.createQuery(
            """
            SELECT name, kind, link, reason FROM article_source
            WHERE article_id = :id ORDER BY position
            """)
        .bind("id", articleId)
        .map(
            (rs, ctx) ->
                new Source(
                    rs.getString(1),
                    Source.Kind.parse(rs.getString(2)).orElse(Source.Kind.DOCUMENT),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private static Map<String, Image> figuresOf(Handle h, long articleId) {
    Map<String, Image> figures = new LinkedHashMap<>();
    h.createQuery(
            "SELECT f.reference, "
                + MediaService.imageColumns("i")
                + " FROM article_figure f JOIN image i ON i.id = f.image_id"
                + " WHERE f.article_id = :id")
        .bind("id", articleId)
        .map((rs, ctx) -> Map.entry(rs.getString("reference"), MediaService.imageIn(rs, "i")))
        .forEach(entry -> figures.put(entry.getKey(), entry.getValue()));
    return figures;
  }

  private static ArticleSummary summary(ResultSet rs) throws SQLException {
    return new ArticleSummary(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("kicker"),
        rs.getString("headline"),
        rs.getString("standfirst"),
        new Section(rs.getLong("s_id"), rs.getString("s_slug"), rs.getString("s_name")),
        List.of(),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        leadOf(rs),
        rs.getInt("comment_count"),
        ArticleType.parse(rs.getString("article_type")).orElse(ArticleType.NEWS),
        MediaService.croppedIn(rs, "c", leadOf(rs), rs.getString("card_alt_text")));
  }

  /** The lead picture with this article's own caption and alt text where it gives them. */
  private static Image leadOf(ResultSet rs) throws SQLException {
    Image picture = MediaService.imageIn(rs, "i");
    return picture == null
        ? null
        : picture.forUse(rs.getString("lead_caption"), rs.getString("lead_alt_text"));
  }
}
