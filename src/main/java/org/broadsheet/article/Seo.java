package org.broadsheet.article;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What search engines and sharing show of an article when the newsroom writes it apart from the
 * page: a title for the browser tab and results, a description for the snippet. Empty means the
 * headline (or the standfirst) is used.
 */
public record Seo(String title, String description) {
  public static final Seo NONE = new Seo("", "");

  /** Search engines cut titles at about 60 characters; this is the hard limit. */
  public static final int MAX_TITLE_CHARS = 200;

  /** Snippets are cut at about 160 characters; this is the hard limit. */
  public static final int MAX_DESCRIPTION_CHARS = 400;

  public Seo {
    title = title == null ? "" : title.strip();
    description = description == null ? "" : description.strip();
  }

  /** Problems by field: {@code seo-title}, {@code seo-description}. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    ArticleRules.tooLong("the SEO title", title, MAX_TITLE_CHARS)
        .ifPresent(p -> problems.put("seo-title", p));
    ArticleRules.tooLong("the SEO description", description, MAX_DESCRIPTION_CHARS)
        .ifPresent(p -> problems.put("seo-description", p));
    return problems;
  }

  public String titleOr(String headline) {
    return title.isEmpty() ? headline : title;
  }

  public String descriptionOr(String standfirst) {
    return description.isEmpty() ? standfirst : description;
  }
}
