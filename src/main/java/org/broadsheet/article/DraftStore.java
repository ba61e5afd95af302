package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.broadsheet.media.Crop;
import org.broadsheet.storage.Transaction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Writing articles: a draft stored as a new article or over an existing one by its id, with its
 * section, authors, tags and figures, and the slugs an article had before.
 */
final class DraftStore {
  private static final String COLUMNS =
      """
      slug = :slug, kicker = :kicker, headline = :headline, standfirst = :standfirst,
      body = :body, section_id = :section, status = :status, published_at = :published,
      updated_at = :updated, lead_image_id = :image, source_path = :source,
      article_type = :type, dateline = :dateline, lead_caption = :leadCaption,
      lead_alt_text = :leadAlt, card_ratio = :cardRatio, card_focus_x = :cardFocusX,
      card_focus_y = :cardFocusY, card_alt_text = :cardAlt
      """;

  /** An article as stored, in the shape it was handed in, with its version and creator. */
  record Stored(ArticleDraft draft, long version, Long createdBy) {}

  /** Stores a new article at version 1; {@code createdBy} is a newsroom account or null. */
  long create(Transaction tx, ArticleDraft draft, Long createdBy) {
    Handle h = tx.handle();
    reclaimSlug(h, draft.slug());
    long id =
        bind(
                h.createQuery(
                    """
                    INSERT INTO article (slug, kicker, headline, standfirst, body, section_id,
                      status, published_at, updated_at, lead_image_id, source_path, article_type,
                      dateline, lead_caption, lead_alt_text, card_ratio, card_focus_x,
                      card_focus_y, card_alt_text, version, created_by)
                    VALUES (:slug, :kicker, :headline, :standfirst, :body, :section, :status,
                      :published, :updated, :image, :source, :type, :dateline, :leadCaption,
                      :leadAlt, :cardRatio, :cardFocusX, :cardFocusY, :cardAlt, 1, :createdBy)
                    RETURNING id
                    """),
                tx,
                draft)
            .bind("createdBy", createdBy)
            .mapTo(Long.class)
            .one();
    replaceParts(tx, id, draft);
    return id;
  }

  /** Stores the draft over the article with this id; false when there is none. */
  boolean update(Transaction tx, long id, ArticleDraft draft) {
    Handle h = tx.handle();
    Optional<String> formerSlug =
        h.createQuery("SELECT slug FROM article WHERE id = :id")
            .bind("id", id)
            .mapTo(String.class)
            .findOne();
    if (formerSlug.isEmpty()) {
      return false;
    }
    if (!formerSlug.get().equals(draft.slug())) {
      reclaimSlug(h, draft.slug());
      h.createUpdate(
              "INSERT INTO article_slug (slug, article_id, retired_at) VALUES (:slug, :id, :at)")
          .bind("slug", formerSlug.get())
          .bind("id", id)
          .bind("at", System.currentTimeMillis())
          .execute();
    }
    bind(h.createUpdate("UPDATE article SET " + COLUMNS + " WHERE id = :id"), tx, draft)
        .bind("id", id)
        .execute();
    replaceParts(tx, id, draft);
    return true;
  }

  /**
   * Takes the next version of the article if it is still at the one the writer started from: false
   * when another save came first (or there is no such article), and nothing is changed. On
   * PostgreSQL the row stays locked until the transaction ends, so two writers cannot both win.
   */
  boolean claimVersion(Transaction tx, long id, long startedFrom) {
    return tx.handle()
            .createUpdate(
                "UPDATE article SET version = version + 1 WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", startedFrom)
            .execute()
        == 1;
  }

  /** Takes the next version whatever it was: an import or the clock saving. */
  void nextVersion(Transaction tx, long id) {
    tx.handle()
        .createUpdate("UPDATE article SET version = version + 1 WHERE id = :id")
        .bind("id", id)
        .execute();
  }

  /** The article as stored, every field in the shape a draft hands it in. */
  Optional<Stored> stored(Transaction tx, long id) {
    Handle h = tx.handle();
    return h.createQuery(
            """
            SELECT a.slug, a.kicker, a.headline, a.standfirst, a.body, s.name AS section_name,
              a.status, a.published_at, a.updated_at, a.lead_image_id, a.source_path,
              a.article_type, a.dateline, a.lead_caption, a.lead_alt_text, a.card_ratio,
              a.card_focus_x, a.card_focus_y, a.card_alt_text, a.version, a.created_by
            FROM article a JOIN section s ON s.id = a.section_id WHERE a.id = :id
            """)
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              long leadImage = rs.getLong("lead_image_id");
              Long lead = rs.wasNull() ? null : leadImage;
              long creator = rs.getLong("created_by");
              Long createdBy = rs.wasNull() ? null : creator;
              ArticleDraft draft =
                  new ArticleDraft(
                      rs.getString("slug"),
                      rs.getString("kicker"),
                      rs.getString("headline"),
                      rs.getString("standfirst"),
                      rs.getString("body"),
                      rs.getString("section_name"),
                      List.of(),
                      List.of(),
                      ArticleStatus.parse(rs.getString("status")).orElseThrow(),
                      Instant.ofEpochMilli(rs.getLong("published_at")),
                      Instant.ofEpochMilli(rs.getLong("updated_at")),
                      lead,
                      Map.of(),
                      rs.getString("source_path"),
                      ArticleType.parse(rs.getString("article_type")).orElse(ArticleType.NEWS),
                      rs.getString("dateline"),
                      List.of(),
                      rs.getString("lead_caption"),
                      rs.getString("lead_alt_text"),
                      cropIn(rs),
                      rs.getString("card_alt_text"));
              return new Stored(draft, rs.getLong("version"), createdBy);
            })
        .findOne()
        .map(
            stored ->
                new Stored(withParts(h, id, stored.draft()), stored.version(), stored.createdBy()));
  }

  private static ArticleDraft withParts(Handle h, long id, ArticleDraft d) {
    List<String> tags =
        h.createQuery(
                """
                SELECT t.name FROM article_tag art JOIN tag t ON t.id = art.tag_id
                WHERE art.article_id = :id ORDER BY t.name
                """)
            .bind("id", id)
            .mapTo(String.class)
            .list();
    List<String> authors =
        h.createQuery(
                """
                SELECT au.name FROM article_author aa JOIN author au ON au.id = aa.author_id
                WHERE aa.article_id = :id ORDER BY aa.position
                """)
            .bind("id", id)
            .mapTo(String.class)
            .list();
    Map<String, Long> figures = new TreeMap<>();
    h.createQuery("SELECT reference, image_id FROM article_figure WHERE article_id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(entry -> figures.put(entry.getKey(), entry.getValue()));
    List<Source> sources =
        h.createQuery(
                """
                SELECT name, kind, link, reason FROM article_source
                WHERE article_id = :id ORDER BY position
                """)
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new Source(
                        rs.getString(1),
                        Source.Kind.parse(rs.getString(2)).orElse(Source.Kind.DOCUMENT),
                        rs.getString(3),
                        rs.getString(4)))
            .list();
    return new ArticleDraft(
        d.slug(),
        d.kicker(),
        d.headline(),
        d.standfirst(),
        d.body(),
        d.sectionName(),
        tags,
        authors,
        d.status(),
        d.publishedAt(),
        d.updatedAt(),
        d.leadImageId(),
        figures,
        d.sourcePath(),
        d.type(),
        d.dateline(),
        sources,
        d.leadCaption(),
        d.leadAltText(),
        d.cardCrop(),
        d.cardAltText());
  }

  /** The card's crop stored in a row ({@code card_ratio} empty: none). */
  static Crop cropIn(java.sql.ResultSet rs) throws java.sql.SQLException {
    return Crop.parse(
            rs.getString("card_ratio"),
            Integer.toString(rs.getInt("card_focus_x")),
            Integer.toString(rs.getInt("card_focus_y")))
        .orElse(null);
  }

  /** A slug in use again leaves the history of the article that had it before. */
  private static void reclaimSlug(Handle h, String slug) {
    h.createUpdate("DELETE FROM article_slug WHERE slug = :slug").bind("slug", slug).execute();
  }

  private static <T extends SqlStatement<T>> T bind(
      T statement, Transaction tx, ArticleDraft draft) {
    return statement
        .bind("slug", draft.slug())
        .bind("kicker", draft.kicker())
        .bind("headline", draft.headline())
        .bind("standfirst", draft.standfirst())
        .bind("body", draft.body())
        .bind("section", sectionId(tx, draft.sectionName()))
        .bind("status", draft.status().word())
        .bind("published", draft.publishedAt().toEpochMilli())
        .bind("updated", draft.updatedAt().toEpochMilli())
        .bind("image", draft.leadImageId())
        .bind("source", draft.sourcePath())
        .bind("type", draft.type().word())
        .bind("dateline", draft.dateline())
        .bind("leadCaption", draft.leadCaption())
        .bind("leadAlt", draft.leadAltText())
        .bind("cardRatio", draft.cardCrop() == null ? "" : draft.cardCrop().ratio())
        .bind("cardFocusX", draft.cardCrop() == null ? 50 : draft.cardCrop().focusX())
        .bind("cardFocusY", draft.cardCrop() == null ? 50 : draft.cardCrop().focusY())
        .bind("cardAlt", draft.cardAltText());
  }

  private static void replaceParts(Transaction tx, long id, ArticleDraft draft) {
    replaceAuthors(tx, id, draft.authorNames());
    replaceTags(tx.handle(), id, draft.tags());
    replaceFigures(tx.handle(), id, draft.figureImageIds());
    replaceSources(tx.handle(), id, draft.sources());
    tx.record(ArticleService.TOPIC, Long.toString(id));
  }

  private static long sectionId(Transaction tx, String name) {
    Handle h = tx.handle();
    return AuthorStore.idOf(
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
          tx.record(ArticleService.SECTION_TOPIC, slug);
        });
  }

  private static long tagId(Handle h, String name) {
    return AuthorStore.idOf(
        h,
        "tag",
        name,
        slug ->
            h.createUpdate("INSERT INTO tag (slug, name) VALUES (:slug, :name)")
                .bind("slug", slug)
                .bind("name", name)
                .execute());
  }

  private static void replaceAuthors(Transaction tx, long articleId, List<String> names) {
    Handle h = tx.handle();
    h.createUpdate("DELETE FROM article_author WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    List<Long> seen = new ArrayList<>();
    for (String name : names) {
      long authorId = AuthorStore.authorId(tx, name);
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

  private static void replaceSources(Handle h, long articleId, List<Source> sources) {
    h.createUpdate("DELETE FROM article_source WHERE article_id = :id")
        .bind("id", articleId)
        .execute();
    for (int i = 0; i < sources.size(); i++) {
      Source source = sources.get(i);
      h.createUpdate(
              """
              INSERT INTO article_source (article_id, position, name, kind, link, reason)
              VALUES (:a, :p, :name, :kind, :link, :reason)
              """)
          .bind("a", articleId)
          .bind("p", i)
          .bind("name", source.name())
          .bind("kind", source.kind().word())
          .bind("link", source.link())
          .bind("reason", source.reason())
          .execute();
    }
  }
}
