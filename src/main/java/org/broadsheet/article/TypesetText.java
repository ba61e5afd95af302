package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Typesets the text of a parsed Markdown body in place. A paragraph's or heading's text is read as
 * one piece, so a quotation that opens before an emphasis and closes after it is paired; only the
 * literal text nodes change, never code spans, raw HTML, or link and image addresses.
 */
final class TypesetText {
  // Stands for a code span or raw HTML: a word the rules see but never change.
  private static final String OPAQUE = "\uE001";

  private TypesetText() {}

  static void typeset(Node document) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph paragraph) {
            typesetBlock(paragraph);
          }

          @Override
          public void visit(Heading heading) {
            typesetBlock(heading);
          }
        });
  }

  private record Piece(Text node, int start, int end) {}

  private static void typesetBlock(Block block) {
    StringBuilder text = new StringBuilder();
    List<Piece> pieces = new ArrayList<>();
    gather(block, text, pieces);
    List<Typography.Change> changes = Typography.changes(text.toString());
    if (changes.isEmpty()) {
      return;
    }
    for (Piece piece : pieces) {
      List<Typography.Change> own = new ArrayList<>();
      for (Typography.Change change : changes) {
        // A change across two pieces ("-" in one, "-" in the next) is left alone.
        if (change.start() >= piece.start() && change.end() <= piece.end()) {
          own.add(
              new Typography.Change(
                  change.start() - piece.start(), change.end() - piece.start(), change.text()));
        }
      }
      if (!own.isEmpty()) {
        piece.node().setLiteral(Typography.apply(piece.node().getLiteral(), own));
      }
    }
  }

  private static void gather(Node parent, StringBuilder text, List<Piece> pieces) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      switch (node) {
        case Text literal -> {
          int start = text.length();
          text.append(literal.getLiteral());
          pieces.add(new Piece(literal, start, text.length()));
        }
        case SoftLineBreak soft -> text.append('\n');
        case HardLineBreak hard -> text.append('\n');
        case Code code -> text.append(OPAQUE);
        case HtmlInline html -> text.append(OPAQUE);
        // An inline picture's description is its alt attribute: left as written.
        case org.commonmark.node.Image image -> text.append(OPAQUE);
        default -> gather(node, text, pieces);
      }
    }
  }
}
