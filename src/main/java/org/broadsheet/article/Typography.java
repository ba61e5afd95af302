package org.broadsheet.article;

import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.media.Image;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * The house style's typesetting of text readers see: curly quotes and apostrophes, en and em dashes
 * ("--", "---"), ellipses ("...") and non-breaking spaces between a number and its unit and after
 * an initial. The rules are flexmark's typographic extension; commonmark-java stays the Markdown
 * parser, and this class only asks flexmark where in a piece of plain text the typographic
 * characters belong. Text is stored as written; it is typeset when a page is made.
 */
public final class Typography {
  /** Text shown as written: the house style with typesetting turned off. */
  public static final Typography AS_WRITTEN = new Typography(false);

  /** Text typeset. */
  public static final Typography TYPESET = new Typography(true);

  // Every block rule off: a line starting "- " or "1." is text here, never a list.
  private static final Parser PARSER =
      Parser.builder(
              new MutableDataSet()
                  .set(Parser.EXTENSIONS, List.of(TypographicExtension.create()))
                  .set(Parser.BLOCK_QUOTE_PARSER, false)
                  .set(Parser.FENCED_CODE_BLOCK_PARSER, false)
                  .set(Parser.HEADING_PARSER, false)
                  .set(Parser.HTML_BLOCK_PARSER, false)
                  .set(Parser.INDENTED_CODE_BLOCK_PARSER, false)
                  .set(Parser.LIST_BLOCK_PARSER, false)
                  .set(Parser.THEMATIC_BREAK_PARSER, false)
                  .set(Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR, false)
                  .set(TypographicExtension.DOUBLE_QUOTE_OPEN, "\u201c")
                  .set(TypographicExtension.DOUBLE_QUOTE_CLOSE, "\u201d")
                  .set(TypographicExtension.SINGLE_QUOTE_OPEN, "\u2018")
                  .set(TypographicExtension.SINGLE_QUOTE_CLOSE, "\u2019")
                  .set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "\u2019")
                  .set(TypographicExtension.ELLIPSIS, "\u2026")
                  .set(TypographicExtension.ELLIPSIS_SPACED, "\u2026")
                  .set(TypographicExtension.EN_DASH, "\u2013")
                  .set(TypographicExtension.EM_DASH, "\u2014")
                  .toImmutable())
          .build();

  private static final LinkExtractor LINKS =
      LinkExtractor.builder()
          .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW, LinkType.EMAIL))
          .build();

  /** A run of characters [start, end) of the text and what to show instead. */
  record Change(int start, int end, String text) {}

  private final boolean enabled;

  private Typography(boolean enabled) {
    this.enabled = enabled;
  }

  public static Typography of(boolean enabled) {
    return enabled ? TYPESET : AS_WRITTEN;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The text typeset (or as written when typesetting is off); null stays null. */
  public String text(String text) {
    if (!enabled || text == null || text.isEmpty()) {
      return text;
    }
    return apply(text, changes(text));
  }

  /** The article as its page shows it: kicker, headline, standfirst and lead caption typeset. */
  public Article article(Article article) {
    if (!enabled) {
      return article;
    }
    return new Article(
        article.id(),
        article.slug(),
        text(article.kicker()),
        text(article.headline()),
        text(article.standfirst()),
        article.body(),
        article.section(),
        article.authors(),
        article.tags(),
        article.status(),
        article.publishedAt(),
        article.updatedAt(),
        caption(article.leadImage()),
        article.figures(),
        article.commentsOpen(),
        article.commentCount(),
        article.type(),
        article.dateline(),
        article.sources(),
        article.corrections());
  }

  /** The summary as a listing shows it. */
  public ArticleSummary summary(ArticleSummary summary) {
    if (!enabled || summary == null) {
      return summary;
    }
    return new ArticleSummary(
        summary.id(),
        summary.slug(),
        text(summary.kicker()),
        text(summary.headline()),
        text(summary.standfirst()),
        summary.section(),
        summary.authors(),
        summary.publishedAt(),
        caption(summary.leadImage()),
        summary.commentCount(),
        summary.type(),
        caption(summary.cardImage()));
  }

  /** The author as their page shows them: bio and job title typeset. */
  public Author author(Author author) {
    if (!enabled || author == null) {
      return author;
    }
    return new Author(
        author.id(),
        author.slug(),
        author.name(),
        text(author.bio()),
        text(author.jobTitle()),
        author.expertise(),
        author.photo());
  }

  public List<ArticleSummary> summaries(List<ArticleSummary> summaries) {
    return enabled ? summaries.stream().map(this::summary).toList() : summaries;
  }

  private Image caption(Image picture) {
    return picture == null ? null : picture.forUse(text(picture.caption()), null);
  }

  static String apply(String text, List<Change> changes) {
    StringBuilder typeset = new StringBuilder(text.length());
    int at = 0;
    for (Change change : changes) {
      typeset.append(text, at, change.start()).append(change.text());
      at = change.end();
    }
    return typeset.append(text, at, text.length()).toString();
  }

  /**
   * Where the typographic characters go in this plain text, in order. Every ASCII punctuation mark
   * but the four the rules read (quotes, hyphen, full stop) is escaped first, so nothing in the
   * text is taken for Markdown: an asterisk or a backquote is a character like any other.
   */
  static List<Change> changes(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    int[] original = new int[text.length() * 2 + 1];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c)) {
        original[escaped.length()] = i;
        escaped.append('\\');
      }
      original[escaped.length()] = i;
      escaped.append(c);
    }
    original[escaped.length()] = text.length();
    List<Change> changes = new ArrayList<>();
    collect(PARSER.parse(escaped.toString()), original, changes);
    nonBreakingSpaces(text, changes);
    // Addresses written out in the text ("www.example.org/a--b") are left as they are.
    List<LinkSpan> addresses = new ArrayList<>();
    LINKS.extractLinks(text).forEach(addresses::add);
    changes.removeIf(
        change ->
            addresses.stream()
                .anyMatch(
                    a -> change.start() < a.getEndIndex() && change.end() > a.getBeginIndex()));
    changes.sort(Comparator.comparingInt(Change::start));
    return changes;
  }

  /**
   * Units of measurement a number is never parted from at the end of a line ("40 km", "12 %", "3
   * °C"): the house style's list, kept short so that a word such as "a" or "in" is never taken for
   * one.
   */
  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile(
          "\\d( )(?:%|‰|°C|°F|km/h|km²|km|cm|mm|m²|m³|m|kg|mg|g|t|ml|l|ha|mph|kWh|MWh|kW|MW|GW|V|Hz|dB"
              + "|°)(?![\\p{L}\\p{N}])");

  /** An initial and what follows it ("J. R. Tolkien", "A. Quill"): kept on one line. */
  private static final Pattern AFTER_INITIAL =
      Pattern.compile("(?<![\\p{L}\\p{N}.])\\p{Lu}\\.( )(?=\\p{Lu})");

  /**
   * The spaces the house style makes non-breaking: between a number and its unit, and after an
   * initial. Only plain spaces that no other rule changes.
   */
  private static void nonBreakingSpaces(String text, List<Change> changes) {
    for (Pattern rule : List.of(NUMBER_AND_UNIT, AFTER_INITIAL)) {
      Matcher found = rule.matcher(text);
      while (found.find()) {
        int space = found.start(1);
        if (changes.stream().noneMatch(c -> space >= c.start() && space < c.end())) {
          changes.add(new Change(space, space + 1, "\u00a0"));
        }
      }
    }
  }

  private static void collect(Node node, int[] original, List<Change> changes) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof TypographicSmarts smart) {
        changes.add(change(smart.getChars(), smart.getTypographicText(), original));
      } else if (child instanceof TypographicQuotes quotes) {
        changes.add(change(quotes.getOpeningMarker(), quotes.getTypographicOpening(), original));
        changes.add(change(quotes.getClosingMarker(), quotes.getTypographicClosing(), original));
      }
      collect(child, original, changes);
    }
  }

  private static Change change(BasedSequence marker, String typeset, int[] original) {
    return new Change(
        original[marker.getStartOffset()], original[marker.getEndOffset()], plain(typeset));
  }

  /** The typographic text as characters, whatever entity a rule may have written. */
  private static String plain(String typeset) {
    return org.jsoup.parser.Parser.unescapeEntities(typeset, false);
  }

  private static boolean needsEscape(char c) {
    return c < 128
        && !Character.isLetterOrDigit(c)
        && !Character.isWhitespace(c)
        && c != '"'
        && c != '\''
        && c != '-'
        && c != '.'
        && c >= 0x21
        && c != 0x7f;
  }
}
