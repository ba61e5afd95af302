package org.broadsheet.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Transaction;

/** The editors' picks for the front page: the pinned lead (place 0) and the top stories. */
final class FrontPageStore {
  /** Each picked article's place, by article id. */
  Map<Long, Integer> places(Transaction tx) {
    Map<Long, Integer> places = new LinkedHashMap<>();
    tx.handle()
        .createQuery("SELECT article_id, place FROM front_page_pick ORDER BY place")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2)))
        .forEach(entry -> places.put(entry.getKey(), entry.getValue()));
    return places;
  }

  /** Puts these picks in place of all before. */
  void replace(Transaction tx, Long lead, List<Long> top) {
    tx.handle().createUpdate("DELETE FROM front_page_pick").execute();
    if (lead != null) {
      insert(tx, lead, 0);
    }
    for (int i = 0; i < top.size(); i++) {
      insert(tx, top.get(i), i + 1);
    }
    tx.record(CurationService.TOPIC, "");
  }

  private static void insert(Transaction tx, long articleId, int place) {
    tx.handle()
        .createUpdate("INSERT INTO front_page_pick (article_id, place) VALUES (:article, :place)")
        .bind("article", articleId)
        .bind("place", place)
        .execute();
  }
}
