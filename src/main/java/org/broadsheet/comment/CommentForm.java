package org.broadsheet.comment;

import java.util.Map;

/**
 * The comment form as the reader last filled it in, with what was wrong, so a refused comment is
 * shown again with every word kept.
 *
 * @param problems messages by field: name, email, website, body, or form for the whole form
 */
public record CommentForm(CommentDraft draft, Map<String, String> problems) {
  public static final CommentForm EMPTY = new CommentForm(CommentDraft.EMPTY, Map.of());

  public String problem(String field) {
    return problems.get(field);
  }

  public boolean hasProblem(String field) {
    return problems.containsKey(field);
  }

  /** "true" for a field with a problem, else null so the template leaves aria-invalid out. */
  public String invalid(String field) {
    return hasProblem(field) ? "true" : null;
  }

  /** The id of the field's problem message, else null so the template leaves the attribute out. */
  public String describedBy(String field) {
    return hasProblem(field) ? "comment-" + field + "-problem" : null;
  }
}
