package org.broadsheet.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pictures a Markdown body places: Hugo's figure shortcode ({@code {{< figure src="…" alt="…"
 * caption="…" attr="…" >}}}, attr being the credit) and standalone Markdown images.
 */
public final class Figures {
  /**
   * The {@code sizes} of a picture in an article's column (42rem at most, the page's 1rem padding
   * either side below that), from which a browser picks a copy of {@code srcset}.
   */
  public static final String ARTICLE_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

  /** A picture placed in a body, with what the body says of it. */
  public record Placement(String source, String alt, String caption, String credit, int line) {}

  static final Pattern SHORTCODE =
      Pattern.compile("^[ \\t]*\\{\\{<\\s*figure\\s+(.*?)\\s*/?>\\}\\}[ \\t]*$", Pattern.MULTILINE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)')");
  static final Pattern STANDALONE_IMAGE =
      Pattern.compile(
          "^[ \\t]*!\\[([^\\]]*)\\]\\(\\s*<?([^\\s)>]+)>?(?:\\s+\"([^\"]*)\")?\\s*\\)[ \\t]*$",
          Pattern.MULTILINE);

  private Figures() {}

  /** Every figure and standalone image of a body, in order, with its line number. */
  public static List<Placement> in(String body) {
    List<Placement> placements = new ArrayList<>();
    Matcher shortcode = SHORTCODE.matcher(body);
    while (shortcode.find()) {
      placements.add(fromShortcode(shortcode.group(1), lineOf(body, shortcode.start())));
    }
    Matcher image = STANDALONE_IMAGE.matcher(body);
    while (image.find()) {
      placements.add(
          new Placement(
              image.group(2),
              image.group(1),
              image.group(3) == null ? "" : image.group(3),
              "",
              lineOf(body, image.start())));
    }
    placements.sort(java.util.Comparator.comparingInt(Placement::line));
    return placements;
  }

  static Placement fromShortcode(String attributeText, int line) {
    Map<String, String> attributes = attributes(attributeText);
    return new Placement(
        attributes.getOrDefault("src", ""),
        attributes.getOrDefault("alt", ""),
        attributes.getOrDefault("caption", ""),
        attributes.getOrDefault("attr", ""),
        line);
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(text);
    while (matcher.find()) {
      String value =
          matcher.group(2) != null ? matcher.group(2).replace("\\\"", "\"") : matcher.group(3);
      attributes.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), value);
    }
    return attributes;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
