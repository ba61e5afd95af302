package org.broadsheet.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.Dateline;
import org.broadsheet.article.Section;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * The search page: the form, then the results, or why there are none.
 *
 * @param from the from-date as typed, kept when it is refused
 * @param to the to-date as typed
 * @param authorName the name of the author the search is narrowed to, or null
 * @param problems what is wrong with a field, by the field's name
 * @param results the results, or null when nothing was searched
 * @param rebuilding set while the index is being rebuilt
 * @param retryAfterSeconds set when this address searched too often
 */
public record SearchPage(
    Layout layout,
    PageMeta meta,
    Dateline dates,
    SearchQuery query,
    String from,
    String to,
    List<Section> sections,
    String authorName,
    Map<String, String> problems,
    SearchResults results,
    SearchOutcome.Rebuilding rebuilding,
    Long retryAfterSeconds) {

  /** This search's address on another page of results. */
  public String pageLink(int page) {
    return link(query.text(), query.author(), page);
  }

  /** The address of the suggested search, with the same filters. */
  public String suggestionLink() {
    return link(results.suggestion(), query.author(), 1);
  }

  /** This search without its author filter. */
  public String everyAuthorLink() {
    return link(query.text(), "", 1);
  }

  /** This search narrowed to one author. */
  public String authorLink(String slug) {
    return link(query.text(), slug, 1);
  }

  public boolean hasProblem(String field) {
    return problems.containsKey(field);
  }

  private String link(String text, String author, int page) {
    List<String> parts = new ArrayList<>();
    parts.add("q=" + encode(text));
    if (!query.section().isEmpty()) {
      parts.add("section=" + encode(query.section()));
    }
    if (!author.isEmpty()) {
      parts.add("author=" + encode(author));
    }
    if (query.from() != null) {
      parts.add("from=" + query.from());
    }
    if (query.to() != null) {
      parts.add("to=" + query.to());
    }
    if (page > 1) {
      parts.add("page=" + page);
    }
    return "/search?" + String.join("&", parts);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
