package org.broadsheet.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.media.Image;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders an article body, CommonMark with figures and quotes, to HTML safe to put in a page.
 * commonmark-java parses and renders; the OWASP sanitizer then keeps only what an article may
 * contain, whatever raw HTML the Markdown carried.
 */
public final class BodyRenderer {
  // A private-use character cannot occur in newsroom text, so the marker cannot collide.
  private static final String MARKER = "\uE000figure-";
  private static final Pattern MARKER_LINE = Pattern.compile("\uE000figure-(\\d+)\uE000");

  static final PolicyFactory ARTICLE_POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "blockquote",
              "ul",
              "ol",
              "li",
              "em",
              "strong",
              "code",
              "pre",
              "hr",
              "br",
              "figure",
              "figcaption",
              "span",
              "cite",
              "sup",
              "sub",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img",
              "del")
          .allowAttributes("href", "title")
          .onElements("a")
          .allowStandardUrlProtocols()
          .allowAttributes("class")
          .matching(Pattern.compile("credit|caption-text"))
          .onElements("span")
          .allowAttributes("src")
          .matching(Pattern.compile("/media/[a-z0-9-]+\\.[a-z0-9]+"))
          .onElements("img")
          .allowAttributes("srcset")
          .matching(Pattern.compile("(?:/media/[a-z0-9-]+\\.[a-z0-9]+\\s+[0-9]+w\\s*,?\\s*)+"))
          .onElements("img")
          .allowAttributes("sizes")
          .matching(Pattern.compile(Pattern.quote(Figures.ARTICLE_SIZES)))
          .onElements("img")
          .allowAttributes("alt", "width", "height", "loading", "decoding")
          .onElements("img")
          .allowAttributes("start")
          .onElements("ol")
          .toFactory();

  private final Parser parser = Parser.builder().build();

  /** Renders a body as written; figures are looked up among the article's stored pictures. */
  public String render(String markdown, Map<String, Image> pictures) {
    return render(markdown, pictures, Map.of(), Typography.AS_WRITTEN);
  }

  /**
   * Renders a body with the house style's typography applied to its text (code, addresses and
   * attribute values stay as written); a figure whose picture is among the withdrawn ones (its
   * rights expired) is shown as its caption and credit, without the picture.
   */
  public String render(
      String markdown,
      Map<String, Image> pictures,
      Map<String, Image> withdrawn,
      Typography typography) {
    List<Figures.Placement> shortcodes = new ArrayList<>();
    Matcher shortcode = Figures.SHORTCODE.matcher(markdown);
    StringBuilder prepared = new StringBuilder();
    while (shortcode.find()) {
      shortcodes.add(Figures.fromShortcode(shortcode.group(1), 0));
      shortcode.appendReplacement(
          prepared, Matcher.quoteReplacement("\n" + MARKER + (shortcodes.size() - 1) + "\uE000\n"));
    }
    shortcode.appendTail(prepared);

    Node document = parser.parse(prepared.toString());
    HeadingLevels levels = new HeadingLevels();
    document.accept(levels);
    document.accept(new FigureFinder(shortcodes, levels.shift()));
    if (typography.enabled()) {
      TypesetText.typeset(document);
    }
    HtmlRenderer renderer =
        HtmlRenderer.builder()
            .nodeRendererFactory(
                context -> new FigureRenderer(context, pictures, withdrawn, typography))
            .build();
    return ARTICLE_POLICY.sanitize(renderer.render(document));
  }

  /** A picture with its caption and credit, standing on its own in the body. */
  static final class FigureBlock extends CustomBlock {
    final Figures.Placement placement;

    FigureBlock(Figures.Placement placement) {
      this.placement = placement;
    }
  }

  /** Finds how far the body's headings must move so its highest sits right below the h1. */
  private static final class HeadingLevels extends AbstractVisitor {
    private int highest = 7;

    @Override
    public void visit(Heading heading) {
      highest = Math.min(highest, heading.getLevel());
    }

    int shift() {
      return highest > 6 ? 0 : 2 - highest;
    }
  }

  /** Turns shortcode markers and lone images into figures, and moves headings below the h1. */
  private static final class FigureFinder extends AbstractVisitor {
    private final List<Figures.Placement> shortcodes;
    private final int headingShift;

    FigureFinder(List<Figures.Placement> shortcodes, int headingShift) {
      this.shortcodes = shortcodes;
      this.headingShift = headingShift;
    }

    @Override
    public void visit(Heading heading) {
      heading.setLevel(Math.max(2, Math.min(6, heading.getLevel() + headingShift)));
      visitChildren(heading);
    }

    @Override
    public void visit(Paragraph paragraph) {
      Node only = paragraph.getFirstChild();
      if (only == null || only.getNext() != null) {
        visitChildren(paragraph);
        return;
      }
      if (only instanceof Text text) {
        Matcher marker = MARKER_LINE.matcher(text.getLiteral().strip());
        if (marker.matches()) {
          replace(paragraph, shortcodes.get(Integer.parseInt(marker.group(1))));
          return;
        }
      }
      if (only instanceof org.commonmark.node.Image image) {
        StringBuilder alt = new StringBuilder();
        for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof Text text) {
            alt.append(text.getLiteral());
          }
        }
        String title = image.getTitle() == null ? "" : image.getTitle();
        replace(
            paragraph, new Figures.Placement(image.getDestination(), alt.toString(), title, "", 0));
        return;
      }
      visitChildren(paragraph);
    }

    private static void replace(Paragraph paragraph, Figures.Placement placement) {
      paragraph.insertAfter(new FigureBlock(placement));
      paragraph.unlink();
    }
  }

  private static final class FigureRenderer implements NodeRenderer {
    private final HtmlWriter html;
    private final Map<String, Image> pictures;
    private final Map<String, Image> withdrawn;
    private final Typography typography;

    FigureRenderer(
        HtmlNodeRendererContext context,
        Map<String, Image> pictures,
        Map<String, Image> withdrawn,
        Typography typography) {
      this.html = context.getWriter();
      this.pictures = pictures;
      this.withdrawn = withdrawn;
      this.typography = typography;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(FigureBlock.class);
    }

    @Override
    public void render(Node node) {
      Figures.Placement placement = ((FigureBlock) node).placement;
      Image picture = pictures.get(placement.source());
      if (picture == null) {
        Image gone = withdrawn.get(placement.source());
        if (gone != null) {
          captionOnly(placement, gone);
        }
        return;
      }
      String alt = placement.alt().isBlank() ? picture.altText() : placement.alt();
      String caption =
          typography.text(placement.caption().isBlank() ? picture.caption() : placement.caption());
      String credit =
          typography.text(placement.credit().isBlank() ? picture.credit() : placement.credit());
      html.line();
      html.tag("figure");
      // In a fixed order, so the same article renders to the same bytes in every process (and
      // keeps its ETag across restarts and nodes): Map.of's order changes from one run to the next.
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("src", picture.url());
      attributes.put("srcset", picture.srcset());
      attributes.put("sizes", Figures.ARTICLE_SIZES);
      attributes.put("alt", alt);
      attributes.put("width", Integer.toString(picture.width()));
      attributes.put("height", Integer.toString(picture.height()));
      attributes.put("loading", "lazy");
      attributes.put("decoding", "async");
      html.tag("img", attributes, true);
      figcaption(caption, credit);
      html.tag("/figure");
      html.line();
    }

    /** A withdrawn picture's place: its caption and credit, without the picture. */
    private void captionOnly(Figures.Placement placement, Image picture) {
      String caption =
          typography.text(placement.caption().isBlank() ? picture.caption() : placement.caption());
      String credit =
          typography.text(placement.credit().isBlank() ? picture.credit() : placement.credit());
      if (caption.isBlank() && credit.isBlank()) {
        return;
      }
      html.line();
      html.tag("figure");
      figcaption(caption, credit);
      html.tag("/figure");
      html.line();
    }

    private void figcaption(String caption, String credit) {
      if (!caption.isBlank() || !credit.isBlank()) {
        html.tag("figcaption");
        html.text(caption);
        if (!credit.isBlank()) {
          html.text(caption.isBlank() ? "" : " ");
          html.tag("span", Map.of("class", "credit"));
          html.text("(Photo: " + credit + ")");
          html.tag("/span");
        }
        html.tag("/figcaption");
      }
    }
  }
}
