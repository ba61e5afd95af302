package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The newsroom's view of articles: every status, filtered by status, section, author and words, and
 * what it writes beside an article's fields (search-engine title and description).
 */
final class DeskListingStore {
  private static final String FROM =
      """
      FROM article a
      JOIN section s ON s.id = a.section_id
      """;

  DeskListing list(Transaction tx, DeskListing.Query query) {
    Handle h = tx.handle();
    List<String> conditions = new ArrayList<>();
    Map<String, Object> binds = new LinkedHashMap<>();
    if (query.status() != null) {
      conditions.add("a.status = :status");
      binds.put("status", query.status().word());
    }
    if (present(query.sectionSlug())) {
      conditions.add("s.slug = :section");
      binds.put("section", query.sectionSlug());
    }
    if (present(query.authorSlug())) {
      conditions.add(
          """
          a.id IN (SELECT aa.article_id FROM article_author aa
                   JOIN author au ON au.id = aa.author_id WHERE au.slug = :author)""");
      binds.put("author", query.authorSlug());
    }
    if (query.owner() != null) {
      conditions.add(
          """
          (a.created_by = :owner OR a.id IN (SELECT aa.article_id FROM article_author aa
                   JOIN author au ON au.id = aa.author_id WHERE au.slug = :ownerAuthor))""");
      binds.put("owner", query.owner().userId());
      binds.put("ownerAuthor", query.owner().authorSlug());
    }
    if (present(query.text())) {
      conditions.add(
          """
          (LOWER(a.headline) LIKE :text ESCAPE '!' OR LOWER(a.kicker) LIKE :text ESCAPE '!'
           OR LOWER(a.standfirst) LIKE :text ESCAPE '!' OR LOWER(a.body) LIKE :text ESCAPE '!'
           OR a.slug LIKE :text ESCAPE '!')""");
      binds.put("text", "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    Query count = h.createQuery("SELECT COUNT(*) " + FROM + where);
    binds.forEach(count::bind);
    int total = count.mapTo(Integer.class).one();
    int pageCount = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
    Query rows =
        h.createQuery(
            """
            SELECT a.id, a.slug, a.kicker, a.headline, a.status, s.name AS section,
              a.published_at, a.updated_at, a.version, a.created_by
            """
                + FROM
                + where
                + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset");
    binds.forEach(rows::bind);
    List<DeskListing.Entry> entries =
        rows.bind("limit", query.pageSize())
            .bind("offset", (query.page() - 1) * query.pageSize())
            .map(
                (rs, ctx) ->
                    new DeskListing.Entry(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("kicker"),
                        rs.getString("headline"),
                        ArticleStatus.parse(rs.getString("status")).orElseThrow(),
                        rs.getString("section"),
                        List.of(),
                        Instant.ofEpochMilli(rs.getLong("published_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        rs.getLong("version"),
                        createdBy(rs)))
            .list();
    Map<Long, List<Author>> authors = authorsOf(h, entries.stream().map(e -> e.id()).toList());
    return new DeskListing(
        entries.stream()
            .map(
                e ->
                    new DeskListing.Entry(
                        e.id(),
                        e.slug(),
                        e.kicker(),
                        e.headline(),
                        e.status(),
                        e.section(),
                        authors.getOrDefault(e.id(), List.of()),
                        e.publishedAt(),
                        e.updatedAt(),
                        e.version(),
                        e.createdBy()))
            .toList(),
        query.page(),
        pageCount,
        total);
  }

  Seo seo(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery("SELECT seo_title, seo_description FROM article WHERE id = :id")
        .bind("id", articleId)
        .map((rs, ctx) -> new Seo(rs.getString(1), rs.getString(2)))
        .findOne()
        .orElse(Seo.NONE);
  }

  void setSeo(Transaction tx, long articleId, Seo seo) {
    tx.handle()
        .createUpdate(
            "UPDATE article SET seo_title = :title, seo_description = :description WHERE id = :id")
        .bind("title", seo.title())
        .bind("description", seo.description())
        .bind("id", articleId)
        .execute();
    tx.record(ArticleService.TOPIC, Long.toString(articleId));
  }

  List<Author> everyAuthor(Transaction tx) {
    return tx.handle()
        .createQuery("SELECT id, slug, name, bio FROM author ORDER BY name")
        .map(
            (rs, ctx) ->
                new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  private static Map<Long, List<Author>> authorsOf(Handle h, List<Long> articleIds) {
    Map<Long, List<Author>> authors = new LinkedHashMap<>();
    if (articleIds.isEmpty()) {
      return authors;
    }
    h.createQuery(
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
        .forEach(
            e -> authors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return authors;
  }

  private static Long createdBy(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("created_by");
    return rs.wasNull() ? null : id;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  /** Jdbi reads a backslash in a quoted literal as escaping the quote, so "!" escapes instead. */
  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
