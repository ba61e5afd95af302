package org.broadsheet.article;

import java.util.List;
import org.broadsheet.storage.Transaction;

/** Sections as the desk edits them: name, description and place in the navigation. */
final class SectionStore {
  boolean slugTaken(Transaction tx, String slug) {
    return tx.handle()
            .createQuery("SELECT COUNT(*) FROM section WHERE slug = :slug")
            .bind("slug", slug)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Adds a section at the end of the navigation. */
  void add(Transaction tx, String slug, String name, String description) {
    tx.handle()
        .createUpdate(
            """
            INSERT INTO section (slug, name, description, position)
            VALUES (:slug, :name, :description,
                    (SELECT COALESCE(MAX(position), 0) + 1 FROM section))
            """)
        .bind("slug", slug)
        .bind("name", name)
        .bind("description", description)
        .execute();
    tx.record(ArticleService.SECTION_TOPIC, slug);
  }

  /** Names and describes a section anew; false when there is none with this slug. */
  boolean describe(Transaction tx, String slug, String name, String description) {
    boolean found =
        tx.handle()
                .createUpdate(
                    "UPDATE section SET name = :name, description = :description WHERE slug = :slug")
                .bind("name", name)
                .bind("description", description)
                .bind("slug", slug)
                .execute()
            == 1;
    if (found) {
      tx.record(ArticleService.SECTION_TOPIC, slug);
    }
    return found;
  }

  /** Numbers the sections 0, 1, 2, … in this order. */
  void order(Transaction tx, List<Long> sectionIds) {
    for (int i = 0; i < sectionIds.size(); i++) {
      tx.handle()
          .createUpdate("UPDATE section SET position = :position WHERE id = :id")
          .bind("position", i)
          .bind("id", sectionIds.get(i))
          .execute();
    }
    tx.record(ArticleService.SECTION_TOPIC, "");
  }
}
