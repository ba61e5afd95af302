package org.broadsheet.comment;

import java.util.Map;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * The small form that reports a comment to the moderators: the same for every reader.
 *
 * @param commentPath where the comment is shown (its permalink)
 * @param chosen the reason chosen, kept when the form comes back refused; "" for none
 * @param problem why the form came back, or null
 */
public record ReportPage(
    Layout layout,
    PageMeta meta,
    Comment comment,
    String commentPath,
    Map<String, String> reasons,
    String chosen,
    String problem) {

  public String action() {
    return "/comments/" + comment.id() + "/report";
  }

  public String excerpt() {
    String text = comment.body().replaceAll("\\s+", " ").strip();
    return text.length() > 300 ? text.substring(0, 299) + "…" : text;
  }
}
