package org.broadsheet.article;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.storage.Transaction;

/**
 * Which articles use which pictures, as lead or as a figure in the body; and an article's pictures
 * whatever their rights say (to show a withdrawn one's caption and credit in its place).
 */
final class PictureUseStore {
  /** The article's lead picture with the article's own caption and alt text, if it has one. */
  Optional<Image> lead(Transaction tx, long articleId) {
    return tx.handle()
        .createQuery(
            "SELECT a.lead_caption, a.lead_alt_text, "
                + MediaService.imageColumns("i")
                + " FROM article a JOIN image i ON i.id = a.lead_image_id WHERE a.id = :id")
        .bind("id", articleId)
        .map(
            (rs, ctx) ->
                MediaService.imageIn(rs, "i")
                    .forUse(rs.getString("lead_caption"), rs.getString("lead_alt_text")))
        .findOne();
  }

  /** The pictures the article's body places, by the reference written in the body. */
  Map<String, Image> figures(Transaction tx, long articleId) {
    Map<String, Image> figures = new LinkedHashMap<>();
    tx.handle()
        .createQuery(
            "SELECT f.reference, "
                + MediaService.imageColumns("i")
                + " FROM article_figure f JOIN image i ON i.id = f.image_id"
                + " WHERE f.article_id = :id")
        .bind("id", articleId)
        .map((rs, ctx) -> Map.entry(rs.getString("reference"), MediaService.imageIn(rs, "i")))
        .forEach(entry -> figures.put(entry.getKey(), entry.getValue()));
    return figures;
  }

  Map<Long, List<PictureUse>> uses(Transaction tx, Collection<Long> imageIds) {
    if (imageIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<PictureUse>> uses = new LinkedHashMap<>();
    tx.handle()
        .createQuery(
            """
            SELECT a.lead_image_id AS image_id, a.id, a.slug, a.headline, a.status, 1 AS lead
            FROM article a WHERE a.lead_image_id IN (<ids>)
            UNION
            SELECT f.image_id, a.id, a.slug, a.headline, a.status, 0 AS lead
            FROM article_figure f JOIN article a ON a.id = f.article_id
            WHERE f.image_id IN (<ids>)
            ORDER BY image_id, lead DESC, id DESC
            """)
        .bindList("ids", List.copyOf(imageIds))
        .map(
            (rs, ctx) ->
                new PictureUse(
                    rs.getLong("image_id"),
                    rs.getLong("id"),
                    rs.getString("slug"),
                    rs.getString("headline"),
                    rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                    rs.getInt("lead") == 1))
        .forEach(
            use -> uses.computeIfAbsent(use.imageId(), id -> new java.util.ArrayList<>()).add(use));
    return uses;
  }
}
