package org.broadsheet.article;

import java.util.List;

/**
 * What changed from one revision of an article to another, field by field.
 *
 * @param changes the fields that differ, in the order an article's form shows them
 */
public record RevisionDiff(Revision from, Revision to, List<FieldChange> changes) {

  /**
   * One field that differs.
   *
   * @param field the field's name as a person reads it: "Headline", "Body"
   * @param before its value in the older revision, as text
   * @param after its value in the newer revision, as text
   * @param lines for a field of several lines (the body, sources, corrections): a unified diff of
   *     its lines ("-" taken out, "+" put in, " " kept around them); empty for one-line fields
   */
  public record FieldChange(String field, String before, String after, List<String> lines) {}
}
