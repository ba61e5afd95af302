package org.broadsheet.proofread;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The prose of a Markdown body, found through commonmark-java's syntax tree with the source span of
 * every node: text in paragraphs, headings, quotes, lists and links is prose; code (inline and
 * fenced), raw HTML, link targets, emphasis markers, heading markers and shortcode syntax are not.
 * Image titles and the caption of figure shortcodes are captions, each read as a block of its own.
 */
final class MarkdownProse {
  /** Hugo shortcodes, {{< … >}} and {{% … %}}, wherever they stand. */
  private static final Pattern SHORTCODE =
      Pattern.compile("\\{\\{(?:<(.*?)>|%(.*?)%)\\}\\}", Pattern.DOTALL);

  private static final Pattern FIGURE = Pattern.compile("^\\s*figure\\b");

  /** A caption attribute's value, in double or single quotes. */
  private static final Pattern CAPTION =
      Pattern.compile("\\bcaption\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)')");

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private MarkdownProse() {}

  /**
   * The prose of the Markdown that starts at offset bodyStart of text and runs to its end, with
   * block numbers from firstBlock on.
   */
  static List<Manuscript.Piece> read(String text, int bodyStart, int firstBlock) {
    String body = text.substring(bodyStart);
    List<int[]> shortcodes = new ArrayList<>();
    List<Manuscript.Piece> captions = new ArrayList<>();
    int block = firstBlock;
    Matcher shortcode = SHORTCODE.matcher(body);
    while (shortcode.find()) {
      shortcodes.add(new int[] {shortcode.start(), shortcode.end()});
      int inside = shortcode.group(1) != null ? 1 : 2;
      if (FIGURE.matcher(shortcode.group(inside)).find()) {
        Matcher caption =
            CAPTION.matcher(body).region(shortcode.start(inside), shortcode.end(inside));
        if (caption.find()) {
          int group = caption.group(1) != null ? 1 : 2;
          captions.addAll(
              Manuscript.proseOf(
                  text, bodyStart + caption.start(group), bodyStart + caption.end(group), block++));
        }
      }
    }

    Collector collector = new Collector(text, bodyStart, block);
    PARSER.parse(body).accept(collector);
    List<Manuscript.Piece> pieces = new ArrayList<>();
    for (Manuscript.Piece piece : collector.pieces) {
      pieces.addAll(outside(piece, shortcodes, bodyStart));
    }
    pieces.addAll(captions);
    return pieces;
  }

  /** The parts of a piece outside every shortcode. */
  private static List<Manuscript.Piece> outside(
      Manuscript.Piece piece, List<int[]> shortcodes, int bodyStart) {
    List<Manuscript.Piece> parts = new ArrayList<>(List.of(piece));
    for (int[] range : shortcodes) {
      int from = bodyStart + range[0];
      int to = bodyStart + range[1];
      List<Manuscript.Piece> next = new ArrayList<>();
      for (Manuscript.Piece part : parts) {
        if (part.end() <= from || part.start() >= to) {
          next.add(part);
          continue;
        }
        if (part.standIn() != null) {
          continue;
        }
        if (part.start() < from) {
          next.add(Manuscript.Piece.prose(part.start(), from, part.block()));
        }
        if (part.end() > to) {
          next.add(Manuscript.Piece.prose(to, part.end(), part.block()));
        }
      }
      parts = next;
    }
    return parts;
  }

  /** Walks the tree and keeps the prose, block by block. */
  private static final class Collector extends AbstractVisitor {
    private final String text;
    private final int bodyStart;
    private final List<Manuscript.Piece> pieces = new ArrayList<>();
    private int nextBlock;
    private int block;

    Collector(String text, int bodyStart, int firstBlock) {
      this.text = text;
      this.bodyStart = bodyStart;
      this.nextBlock = firstBlock;
      this.block = firstBlock;
    }

    @Override
    protected void visitChildren(Node parent) {
      if (parent instanceof Block) {
        // Each block (paragraph, heading, list item) is read apart from the next.
        int outer = block;
        block = nextBlock++;
        super.visitChildren(parent);
        block = outer;
      } else {
        super.visitChildren(parent);
      }
    }

    @Override
    public void visit(Text node) {
      int[] range = range(node);
      if (range == null) {
        return;
      }
      String source = text.substring(range[0], range[1]);
      String literal = node.getLiteral();
      if (node.getParent() instanceof Link link && literal.equals(link.getDestination())) {
        // An autolink, <https://…>: an address, not words.
        pieces.add(new Manuscript.Piece(range[0], range[1], block, Manuscript.STAND_IN));
      } else if (source.equals(literal)) {
        pieces.addAll(Manuscript.proseOf(text, range[0], range[1], block));
      } else {
        aligned(range[0], source, literal);
      }
    }

    /**
     * Text whose source differs from what it reads (backslash escapes, entities): the runs that
     * agree are prose, the rest is read as what it stands for.
     */
    private void aligned(int start, String source, String literal) {
      int i = 0;
      int j = 0;
      int runStart = 0;
      while (i < source.length() && j < literal.length()) {
        if (source.charAt(i) == literal.charAt(j)) {
          i++;
          j++;
          continue;
        }
        if (i > runStart) {
          pieces.addAll(Manuscript.proseOf(text, start + runStart, start + i, block));
        }
        if (source.charAt(i) == '\\' && i + 1 < source.length()) {
          pieces.add(
              new Manuscript.Piece(
                  start + i, start + i + 2, block, String.valueOf(source.charAt(i + 1))));
          i += 2;
          j++;
        } else if (source.charAt(i) == '&' && source.indexOf(';', i) > i) {
          int end = source.indexOf(';', i) + 1;
          pieces.add(
              new Manuscript.Piece(
                  start + i, start + end, block, String.valueOf(literal.charAt(j))));
          i = end;
          j++;
        } else {
          // Anything else: the rest is read as the parser read it, located at its start.
          pieces.add(
              new Manuscript.Piece(
                  start + i, start + source.length(), block, literal.substring(j)));
          return;
        }
        runStart = i;
      }
      if (source.length() > runStart) {
        pieces.addAll(Manuscript.proseOf(text, start + runStart, start + source.length(), block));
      }
    }

    @Override
    public void visit(Code node) {
      int[] range = range(node);
      if (range != null) {
        pieces.add(new Manuscript.Piece(range[0], range[1], block, Manuscript.STAND_IN));
      }
    }

    @Override
    public void visit(Image node) {
      // The alt text describes the picture for those who cannot see it; the title is its caption.
      int[] range = range(node);
      String title = node.getTitle();
      if (range == null || title == null || title.isBlank()) {
        return;
      }
      String source = text.substring(range[0], range[1]);
      int at = source.lastIndexOf(title);
      if (at > 0) {
        pieces.addAll(
            Manuscript.proseOf(text, range[0] + at, range[0] + at + title.length(), nextBlock++));
      }
    }

    /** The node's place in the whole text, or null when the parser gave none. */
    private int[] range(Node node) {
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        return null;
      }
      SourceSpan first = spans.getFirst();
      SourceSpan last = spans.getLast();
      return new int[] {
        bodyStart + first.getInputIndex(), bodyStart + last.getInputIndex() + last.getLength()
      };
    }
  }
}
