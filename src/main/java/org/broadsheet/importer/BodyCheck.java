package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.article.Figures;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * What of a Markdown body would not reach readers as written: pictures that are not figures of
 * files beside the Markdown (a remote picture, or one inside a paragraph, would be shown without
 * its picture), which the import refuses; and raw HTML, which pages never show, which the import
 * stores as written and warns about.
 */
final class BodyCheck {
  /** A picture the body uses that cannot be shown, with its line in the body (1-based). */
  record Remote(String source, int line) {}

  /** Raw HTML in the body, with its first characters and line. */
  record Html(String snippet, int line) {}

  record Findings(List<Remote> remotePictures, List<Html> html) {}

  private BodyCheck() {}

  static Findings of(String body) {
    List<String> standalone = Figures.in(body).stream().map(Figures.Placement::source).toList();
    Node document =
        Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build()
            .parse(body);
    List<Remote> remote = new ArrayList<>();
    List<Html> html = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            String source = image.getDestination();
            boolean elsewhere =
                source.matches("(?i)[a-z][a-z0-9+.-]*:.*") || source.startsWith("//");
            if (elsewhere || !standalone.contains(source)) {
              remote.add(new Remote(source, line(image)));
            }
          }

          @Override
          public void visit(HtmlBlock block) {
            html.add(new Html(snippet(block.getLiteral()), line(block)));
          }

          @Override
          public void visit(HtmlInline inline) {
            html.add(new Html(snippet(inline.getLiteral()), line(inline)));
          }
        });
    return new Findings(remote, html);
  }

  private static int line(Node node) {
    return node.getSourceSpans().isEmpty()
        ? 1
        : node.getSourceSpans().getFirst().getLineIndex() + 1;
  }

  private static String snippet(String literal) {
    String line = literal.strip().lines().findFirst().orElse("");
    return "\"" + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "\"";
  }
}
