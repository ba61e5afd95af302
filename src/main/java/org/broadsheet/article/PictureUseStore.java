package org.broadsheet.article;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Transaction;

/** Which articles use which pictures, as lead or as a figure in the body. */
final class PictureUseStore {
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
