package org.broadsheet.proofread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.markup.AnnotatedTextBuilder;

/**
 * A text as given (a Markdown file, a stored body, a headline) and the parts of it a reader reads:
 * the prose to proofread, every other character being markup (front matter keys, Markdown syntax,
 * code, link targets). The checker sees the prose with markup left out, and reports positions in
 * the text as given, so a finding points at the exact line and column of the file.
 *
 * @param name what findings name as their file: the path as given, or the slug of an article
 * @param text the whole text, exactly as given
 * @param pieces the prose, in order, never overlapping
 */
record Manuscript(String name, String text, List<Manuscript.Piece> pieces) {
  /**
   * A stretch of prose.
   *
   * @param block which block (paragraph, heading, headline, caption) it belongs to; the checker
   *     sees a paragraph break between blocks, so a sentence never runs from one into the next
   * @param standIn what the checker reads in place of the source, or null to read it as it is: the
   *     letter an escape stands for, or {@link #STAND_IN} for code and addresses
   */
  record Piece(int start, int end, int block, String standIn) {
    static Piece prose(int start, int end, int block) {
      return new Piece(start, end, block, null);
    }
  }

  /**
   * What the checker reads in place of inline code, a URL or an email address: a noun it knows, so
   * the sentence around it stays grammatical. Findings that fall wholly on it are dropped.
   */
  static final String STAND_IN = "Dummy";

  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.|\\bmailto:)[^\\s<>\"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

  Manuscript {
    // In order; a piece that would overlap the one before (the parser's spans never should) is
    // left out rather than read twice.
    List<Piece> ordered = new ArrayList<>();
    for (Piece piece : pieces.stream().sorted(Comparator.comparingInt(Piece::start)).toList()) {
      if (piece.end() > piece.start()
          && (ordered.isEmpty() || piece.start() >= ordered.getLast().end())) {
        ordered.add(piece);
      }
    }
    pieces = List.copyOf(ordered);
  }

  /** A text that is prose from end to end: a headline, a kicker, a caption. */
  static Manuscript plain(String name, String text) {
    return new Manuscript(name, text, proseOf(text, 0, text.length(), 0));
  }

  /**
   * Prose from start to end, with the web and email addresses in it read as a stand-in: a reader
   * copies an address, never reads it as words.
   */
  static List<Piece> proseOf(String text, int start, int end, int block) {
    List<Piece> pieces = new ArrayList<>();
    Matcher address = ADDRESS.matcher(text).region(start, end);
    int from = start;
    while (address.find()) {
      int addressEnd = address.end();
      // A sentence's full stop or closing bracket after an address is not part of it.
      while (addressEnd > address.start() + 1
          && ".,;:!?)]'\"".indexOf(text.charAt(addressEnd - 1)) >= 0) {
        addressEnd--;
      }
      if (address.start() > from) {
        pieces.add(Piece.prose(from, address.start(), block));
      }
      pieces.add(new Piece(address.start(), addressEnd, block, STAND_IN));
      from = addressEnd;
    }
    if (end > from) {
      pieces.add(Piece.prose(from, end, block));
    }
    return pieces;
  }

  /**
   * The text as the checker reads it: prose as written, markup between pieces read as nothing
   * inside a line, a space across a line break, and a paragraph break between blocks.
   */
  AnnotatedText annotated() {
    AnnotatedTextBuilder builder = new AnnotatedTextBuilder();
    int at = 0;
    Piece previous = null;
    for (Piece piece : pieces) {
      if (piece.start() > at || previous != null) {
        String gap = text.substring(at, piece.start());
        String readAs;
        if (previous == null) {
          readAs = "";
        } else if (previous.block() != piece.block()) {
          readAs = "\n\n";
        } else if (gap.indexOf('\n') >= 0) {
          readAs = " ";
        } else {
          readAs = "";
        }
        if (!gap.isEmpty() || !readAs.isEmpty()) {
          builder.addMarkup(gap, readAs);
        }
      }
      String source = text.substring(piece.start(), piece.end());
      if (piece.standIn() == null) {
        builder.addText(source);
      } else {
        builder.addMarkup(source, piece.standIn());
      }
      at = piece.end();
      previous = piece;
    }
    if (at < text.length()) {
      builder.addMarkup(text.substring(at), "\n\n");
    }
    return builder.build();
  }

  /**
   * Whether a finding from start to end touches prose read as written; a finding that falls wholly
   * on markup or on a stand-in is about something the reader never reads as words.
   */
  boolean touchesProse(int start, int end) {
    for (Piece piece : pieces) {
      if (piece.standIn() == null
          && piece.start() < Math.max(end, start + 1)
          && start < piece.end()) {
        return true;
      }
    }
    return false;
  }

  /** The 1-based line and column (in characters, as an editor counts them) of an offset. */
  int[] lineAndColumn(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, Math.min(offset, text.length())) + 1};
  }
}
