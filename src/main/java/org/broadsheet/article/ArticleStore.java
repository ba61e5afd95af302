package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.broadsheet.media.Image;
import org.broadsheet.storage.Database;
import org.jdbi.v3.core.Handle;

/** All SQL of the article feature. */
final class ArticleStore {
  private static final String SUMMARY_COLUMNS =
      """
      a.id, a.slug, a.kicker, a.headline, a.standfirst, a.published_at, a.comment_count,
      s.id AS s_id, s.slug AS s_slug, s.name AS s_name,
      i.id AS i_id, i.file_name AS i_file_name, i.content_type AS i_content_type,
      i.width AS i_width, i.height AS i_height, i.caption AS i_caption, i.credit AS i_credit,
      i.alt_text AS i_alt_text
      """;
  private static final String SUMMARY_FROM =
      """
      FROM article a
      JOIN section s ON s.id = a.section_id
      LEFT JOIN image i ON i.id = a.lead_image_id
      """;
  private static final String PUBLISHED = "a.status = 'published' AND a.published_at <= :now";

  private final Database database;

  ArticleStore(Database database) {
    this.database = database;
  }

  // Reading

  /** An article row before its authors, tags and figures are read. */
  private record ArticleRow(
      ArticleSummary summary,
      String body,
      ArticleStatus status,
      Instant updatedAt,
      boolean commentsOpen) {}

  private static final String ARTICLE_COLUMNS =
      ", a.body, a.status, a.updated_at, a.comments_open ";

  Optional<Article> bySlug(String slug, boolean publishedOnly) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + SUMMARY_COLUMNS
                        + ARTICLE_COLUMNS
                        + SUMMARY_FROM
                        + " WHERE a.slug = :slug"
                        + (publishedOnly ? " AND " + PUBLISHED : ""))
                .bind("slug", slug)
                .bind("now", System.currentTimeMillis())
                .map((rs, ctx) -> row(rs))
                .findOne()
                .map(row -> article(h, row, authorsOf(h, List.of(row.summary().id())))));
  }

  /** The newest published articles in full, optionally only those of a section, tag or author. */
  List<Article> newest(Filter filter, int limit) {
    return database.withHandle(
        h -> {
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
                  .bind("now", System.currentTimeMillis())
                  .bind("filter", filter.id())
                  .bind("limit", limit)
                  .map((rs, ctx) -> row(rs))
                  .list();
          Map<Long, List<Author>> authors =
              authorsOf(h, rows.stream().map(row -> row.summary().id()).toList());
          return rows.stream().map(row -> article(h, row, authors)).toList();
        });
  }

  private static ArticleRow row(ResultSet rs) throws SQLException {
    return new ArticleRow(
        summary(rs),
        rs.getString("body"),
        ArticleStatus.parse(rs.getString("status")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getInt("comments_open") == 1);
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
        summary.commentCount());
  }

  boolean exists(String slug) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM article WHERE slug = :slug")
                    .bind("slug", slug)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Published articles, newest first, optionally only those of one section, tag or author. */
  List<ArticleSummary> published(Filter filter, int offset, int limit) {
    return database.withHandle(
        h -> {
          List<ArticleSummary> summaries =
              h.createQuery(
                      "SELECT "
                          + SUMMARY_COLUMNS
                          + SUMMARY_FROM
                          + " WHERE "
                          + PUBLISHED
                          + filter.condition()
                          + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                  .bind("now", System.currentTimeMillis())
                  .bind("filter", filter.id())
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .map((rs, ctx) -> summary(rs))
                  .list();
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
                          s.commentCount()))
              .toList();
        });
  }

  int countPublished(Filter filter) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) " + SUMMARY_FROM + " WHERE " + PUBLISHED + filter.condition())
                .bind("now", System.currentTimeMillis())
                .bind("filter", filter.id())
                .mapTo(Integer.class)
                .one());
  }

  /** Narrows a listing of published articles. */
  record Filter(String condition, long id) {
    static final Filter ALL = new Filter("", 0);

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

  List<Section> sections() {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name FROM section ORDER BY position, name")
                .map((rs, ctx) -> new Section(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  Optional<Section> section(String slug) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name FROM section WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Section(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  Optional<Tag> tag(String slug) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name FROM tag WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
  }

  Optional<Author> author(String slug) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name, bio FROM author WHERE slug = :slug")
                .bind("slug", slug)
                .map(
                    (rs, ctx) ->
                        new Author(
                            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne());
  }

  Optional<Long> idOf(String slug) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id FROM article WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(Long.class)
                .findOne());
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

  private static Map<String, Image> figuresOf(Handle h, long articleId) {
    Map<String, Image> figures = new LinkedHashMap<>();
    h.createQuery(
            """
            SELECT f.reference, i.id AS i_id, i.file_name AS i_file_name,
              i.content_type AS i_content_type, i.width AS i_width, i.height AS i_height,
              i.caption AS i_caption, i.credit AS i_credit, i.alt_text AS i_alt_text
            FROM article_figure f JOIN image i ON i.id = f.image_id
            WHERE f.article_id = :id
            """)
        .bind("id", articleId)
        .map((rs, ctx) -> Map.entry(rs.getString("reference"), image(rs)))
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
        rs.getObject("i_id") == null ? null : image(rs),
        rs.getInt("comment_count"));
  }

  private static Image image(ResultSet rs) throws SQLException {
    return new Image(
        rs.getLong("i_id"),
        rs.getString("i_file_name"),
        rs.getString("i_content_type"),
        rs.getInt("i_width"),
        rs.getInt("i_height"),
        rs.getString("i_caption"),
        rs.getString("i_credit"),
        rs.getString("i_alt_text"));
  }

  // Writing

  /** Inserts or updates the article with the draft's slug, in one transaction. */
  long save(ArticleDraft draft) {
    return database.inTransaction(
        h -> {
          long sectionId = sectionId(h, draft.sectionName());
          Optional<Long> existing =
              h.createQuery("SELECT id FROM article WHERE slug = :slug")
                  .bind("slug", draft.slug())
                  .mapTo(Long.class)
                  .findOne();
          String columns =
              """
              kicker = :kicker, headline = :headline, standfirst = :standfirst, body = :body,
              section_id = :section, status = :status, published_at = :published,
              updated_at = :updated, lead_image_id = :image, source_path = :source
              """;
          var statement =
              existing.isPresent()
                  ? h.createUpdate("UPDATE article SET " + columns + " WHERE id = :id")
                      .bind("id", existing.get())
                  : h.createUpdate(
                      """
                      INSERT INTO article (slug, kicker, headline, standfirst, body, section_id,
                        status, published_at, updated_at, lead_image_id, source_path)
                      VALUES (:slug, :kicker, :headline, :standfirst, :body, :section, :status,
                        :published, :updated, :image, :source)
                      """);
          statement
              .bind("slug", draft.slug())
              .bind("kicker", draft.kicker())
              .bind("headline", draft.headline())
              .bind("standfirst", draft.standfirst())
              .bind("body", draft.body())
              .bind("section", sectionId)
              .bind("status", draft.status().word())
              .bind("published", draft.publishedAt().toEpochMilli())
              .bind("updated", draft.updatedAt().toEpochMilli())
              .bind("image", draft.leadImageId())
              .bind("source", draft.sourcePath())
              .execute();
          long id =
              existing.orElseGet(
                  () ->
                      h.createQuery("SELECT id FROM article WHERE slug = :slug")
                          .bind("slug", draft.slug())
                          .mapTo(Long.class)
                          .one());
          replaceAuthors(h, id, draft.authorNames());
          replaceTags(h, id, draft.tags());
          replaceFigures(h, id, draft.figureImageIds());
          database.changes().record(h, ArticleService.TOPIC, Long.toString(id));
          return id;
        });
  }

  /** The id of the section, author or tag named so, inserting it first when it is new. */
  private static long idOf(Handle h, String table, String name, Consumer<String> insert) {
    String slug = Slugs.of(name);
    String select = "SELECT id FROM " + table + " WHERE slug = :slug";
    Optional<Long> existing = h.createQuery(select).bind("slug", slug).mapTo(Long.class).findOne();
    if (existing.isPresent()) {
      return existing.get();
    }
    insert.accept(slug);
    return h.createQuery(select).bind("slug", slug).mapTo(Long.class).one();
  }

  private long sectionId(Handle h, String name) {
    return idOf(
        h,
        "section",
        name,
        slug -> {
          int position = h.createQuery("SELECT COUNT(*) FROM section").mapTo(Integer.class).one();
          h.createUpdate(
                  "INSERT INTO section (slug, name, position) VALUES (:slug, :name, :position)")
              .bind("slug", slug)
              .bind("name", name)
              .bind("position", position)
              .execute();
          // Every page's navigation lists the sections.
          database.changes().record(h, ArticleService.SECTION_TOPIC, slug);
        });
  }

  private static long authorId(Handle h, String name) {
    return idOf(
        h,
        "author",
        name,
        slug ->
            h.createUpdate("INSERT INTO author (slug, name, bio) VALUES (:slug, :name, '')")
                .bind("slug", slug)
                .bind("name", name)
                .execute());
  }

  private static long tagId(Handle h, String name) {
    return idOf(
        h,
        "tag",
        name,
        slug ->
            h.createUpdate("INSERT INTO tag (slug, name) VALUES (:slug, :name)")
                .bind("slug", slug)
                .bind("name", name)
                .execute());
  }

  private static void replaceAuthors(Handle h, long articleId, List<String> names) {
    h.createUpdate("DELETE FROM article_author WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    List<Long> seen = new ArrayList<>();
    for (String name : names) {
      long authorId = authorId(h, name);
      if (!seen.contains(authorId)) {
        h.createUpdate(
                "INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :b, :p)")
            .bind("a", articleId)
            .bind("b", authorId)
            .bind("p", seen.size())
            .execute();
        seen.add(authorId);
      }
    }
  }

  private static void replaceTags(Handle h, long articleId, List<String> names) {
    h.createUpdate("DELETE FROM article_tag WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    List<Long> seen = new ArrayList<>();
    for (String name : names) {
      long tagId = tagId(h, name);
      if (!seen.contains(tagId)) {
        h.createUpdate("INSERT INTO article_tag (article_id, tag_id) VALUES (:a, :t)")
            .bind("a", articleId)
            .bind("t", tagId)
            .execute();
        seen.add(tagId);
      }
    }
  }

  private static void replaceFigures(Handle h, long articleId, Map<String, Long> figures) {
    h.createUpdate("DELETE FROM article_figure WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    figures.forEach(
        (reference, imageId) ->
            h.createUpdate(
                    "INSERT INTO article_figure (article_id, reference, image_id) VALUES (:a, :r, :i)")
                .bind("a", articleId)
                .bind("r", reference)
                .bind("i", imageId)
                .execute());
  }

  void describeAuthor(String name, String bio) {
    database.useTransaction(
        h -> {
          long id = authorId(h, name);
          h.createUpdate("UPDATE author SET bio = :bio WHERE id = :id")
              .bind("bio", bio)
              .bind("id", id)
              .execute();
          database.changes().record(h, ArticleService.AUTHOR_TOPIC, Slugs.of(name));
        });
  }

  List<String> authorEmails(long articleId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT au.email FROM article_author aa JOIN author au ON au.id = aa.author_id
                    WHERE aa.article_id = :id AND au.email <> '' ORDER BY aa.position
                    """)
                .bind("id", articleId)
                .mapTo(String.class)
                .list());
  }

  boolean setAuthorEmail(String slug, String email) {
    return database.inTransaction(
        h ->
            h.createUpdate("UPDATE author SET email = :email WHERE slug = :slug")
                    .bind("email", email)
                    .bind("slug", slug)
                    .execute()
                == 1);
  }

  Optional<String> slugOf(long articleId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT slug FROM article WHERE id = :id")
                .bind("id", articleId)
                .mapTo(String.class)
                .findOne());
  }

  List<Long> publishedBetween(Instant after, Instant until) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id FROM article WHERE status = 'published'
                      AND published_at > :after AND published_at <= :until
                    """)
                .bind("after", after.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .mapTo(Long.class)
                .list());
  }

  void lockForCommentCount(long articleId) {
    database.useTransaction(
        h ->
            h.createUpdate("UPDATE article SET comment_count = comment_count WHERE id = :id")
                .bind("id", articleId)
                .execute());
  }

  void setCommentCount(long articleId, int count) {
    database.useTransaction(
        h -> {
          h.createUpdate("UPDATE article SET comment_count = :count WHERE id = :id")
              .bind("count", count)
              .bind("id", articleId)
              .execute();
        });
  }

  void setCommentsOpen(long articleId, boolean open) {
    database.useTransaction(
        h -> {
          h.createUpdate("UPDATE article SET comments_open = :open WHERE id = :id")
              .bind("open", open ? 1 : 0)
              .bind("id", articleId)
              .execute();
          database.changes().record(h, ArticleService.TOPIC, Long.toString(articleId));
        });
  }

  // Times, for sitemaps

  /** Published articles whose publication time is in [from, until), oldest first. */
  List<ArticleTimes> publishedTimes(Instant from, Instant until) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.slug, a.headline, a.published_at, a.updated_at FROM article a
                    WHERE %s AND a.published_at >= :from AND a.published_at < :until
                    ORDER BY a.published_at, a.id
                    """
                        .formatted(PUBLISHED))
                .bind("now", System.currentTimeMillis())
                .bind("from", from.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new ArticleTimes(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            Instant.ofEpochMilli(rs.getLong(5))))
                .list());
  }

  /**
   * Each section, tag or author page with a published article, and when the newest of them was
   * published or updated.
   *
   * @param join how the listed thing (alias x, with a slug) reaches its articles (alias a)
   */
  private List<ListingTimes> listingTimes(
      String join, java.util.function.Function<String, String> path) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT x.slug, MAX(a.published_at), MAX(a.updated_at) %s
                    WHERE %s GROUP BY x.slug ORDER BY x.slug
                    """
                        .formatted(join, PUBLISHED))
                .bind("now", System.currentTimeMillis())
                .map(
                    (rs, ctx) ->
                        new ListingTimes(
                            path.apply(rs.getString(1)),
                            Instant.ofEpochMilli(Math.max(rs.getLong(2), rs.getLong(3)))))
                .list());
  }

  List<ListingTimes> sectionTimes() {
    return listingTimes(
        "FROM section x JOIN article a ON a.section_id = x.id",
        slug -> new Section(0, slug, "").path());
  }

  List<ListingTimes> tagTimes() {
    return listingTimes(
        """
        FROM tag x JOIN article_tag xt ON xt.tag_id = x.id JOIN article a ON a.id = xt.article_id
        """,
        slug -> new Tag(0, slug, "").path());
  }

  List<ListingTimes> authorTimes() {
    return listingTimes(
        """
        FROM author x JOIN article_author xa ON xa.author_id = x.id
        JOIN article a ON a.id = xa.article_id
        """,
        slug -> new Author(0, slug, "", "").path());
  }
}
