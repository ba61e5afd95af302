package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.article.Author;
import org.broadsheet.article.CurationService;
import org.broadsheet.article.Section;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * The models of the desk's templates: front page curation, sections and author pages. Each shows
 * what happened last (a notice, or problems by field with what was typed kept).
 */
public final class DeskPages {
  private DeskPages() {}

  /**
   * What went wrong with the last form, by field, and what was typed in it.
   *
   * @param form which form on the page was sent (a section's slug, "new", "article")
   */
  public record Problems(String form, Map<String, String> byField, Map<String, String> typed) {
    public static final Problems NONE = new Problems("", Map.of(), Map.of());

    public boolean in(String formName) {
      return form.equals(formName) && !byField.isEmpty();
    }

    public String of(String field) {
      return byField.getOrDefault(field, "");
    }

    /** What was typed in this field of the refused form, or the stored value otherwise. */
    public String typedOr(String formName, String field, String stored) {
      return form.equals(formName) && typed.containsKey(field) ? typed.get(field) : stored;
    }
  }

  /** The front page's picks and the newest articles to pick from. */
  public record Front(
      Layout layout,
      PageMeta meta,
      String csrf,
      CurationService.Picks picks,
      List<ArticleSummary> candidates,
      int maxTopStories,
      String notice,
      Problems problems) {}

  /** Every section in the navigation's order, each with its form, and the form to add one. */
  public record Sections(
      Layout layout,
      PageMeta meta,
      String csrf,
      List<Section> sections,
      int maxName,
      int maxDescription,
      String notice,
      Problems problems) {}

  /** The author pages an editor may edit. */
  public record Authors(Layout layout, PageMeta meta, List<Author> authors) {}

  /** One author's profile form. */
  public record AuthorForm(
      Layout layout,
      PageMeta meta,
      String csrf,
      Author author,
      String notice,
      Problems problems,
      int maxBio,
      int maxJobTitle,
      int maxExpertise,
      int maxField) {}
}
