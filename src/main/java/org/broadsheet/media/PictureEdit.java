package org.broadsheet.media;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the newsroom sets of a picture for every use at once: its default caption and alt text (a
 * use that gives its own keeps it) and its rights.
 *
 * @param expires when the right to show it ends; null for never
 */
public record PictureEdit(
    String caption,
    String altText,
    String creator,
    String credit,
    String copyright,
    String source,
    String usageTerms,
    Instant expires) {
  public static final int MAX_CAPTION_CHARS = 2_000;
  public static final int MAX_ALT_CHARS = 1_000;

  /** Creator, credit line, copyright notice and source each (the columns hold 300). */
  public static final int MAX_RIGHTS_CHARS = 300;

  public static final int MAX_TERMS_CHARS = 2_000;

  public PictureEdit {
    caption = clean(caption);
    altText = clean(altText);
    creator = clean(creator);
    credit = clean(credit);
    copyright = clean(copyright);
    source = clean(source);
    usageTerms = clean(usageTerms);
  }

  /** The form as the picture stands now. */
  public static PictureEdit of(PictureDetails picture) {
    Rights rights = picture.rights();
    return new PictureEdit(
        picture.image().caption(),
        picture.image().altText(),
        rights.creator(),
        rights.credit(),
        rights.copyright(),
        rights.source(),
        rights.usageTerms(),
        rights.expires());
  }

  /** The rights written into every served copy, with the expiry. */
  public Rights rights() {
    return new Rights(creator, credit, copyright, source, usageTerms, expires);
  }

  /** What is wrong, by field (caption, alt, creator, credit, copyright, source, terms). */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    tooLong(problems, "caption", "The caption", caption, MAX_CAPTION_CHARS);
    tooLong(problems, "alt", "The alt text", altText, MAX_ALT_CHARS);
    tooLong(problems, "creator", "The creator", creator, MAX_RIGHTS_CHARS);
    tooLong(problems, "credit", "The credit line", credit, MAX_RIGHTS_CHARS);
    tooLong(problems, "copyright", "The copyright notice", copyright, MAX_RIGHTS_CHARS);
    tooLong(problems, "source", "The source", source, MAX_RIGHTS_CHARS);
    tooLong(problems, "terms", "The usage terms", usageTerms, MAX_TERMS_CHARS);
    return problems;
  }

  private static void tooLong(
      Map<String, String> problems, String field, String what, String value, int max) {
    if (value.length() > max) {
      problems.put(
          field,
          "%s is %,d characters; it may be at most %,d.".formatted(what, value.length(), max));
    }
  }

  /** Trimmed, without NUL and other control characters but line breaks, never null. */
  private static String clean(String text) {
    return text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
  }
}
