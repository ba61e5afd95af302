package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.BlockQuote;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.PolicyFactory;

/**
 * Renders a comment's small Markdown subset (paragraphs, emphasis, links, quotes, inline code) to
 * safe HTML; everything else a reader types is shown as text.
 */
final class CommentText {
  static final String LINK_RELS = "nofollow ugc noopener";

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "em", "strong", "a", "blockquote", "code", "br")
          .allowUrlProtocols("http", "https")
          .allowAttributes("href")
          .matching(Pattern.compile("https?://[^\\s\"<>]+", Pattern.CASE_INSENSITIVE))
          .onElements("a")
          .requireRelsOnLinks(LINK_RELS.split(" "))
          .withPostprocessor(CommentText::relsInOneOrder)
          .toFactory();

  // Addresses typed bare (https://…, www.…) become links too; the sanitizer still decides what
  // stays, and they count towards comments.max_links like written links.
  private static final List<Extension> EXTENSIONS =
      List.of(AutolinkExtension.builder().linkTypes(AutolinkType.URL, AutolinkType.WWW).build());

  private static final Parser PARSER =
      Parser.builder().enabledBlockTypes(Set.of(BlockQuote.class)).extensions(EXTENSIONS).build();
  // Raw HTML is escaped, so a typed <script> is shown as the text "<script>".
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("<br>")
          .extensions(EXTENSIONS)
          .build();

  private CommentText() {}

  static String toHtml(String markdown) {
    return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
  }

  /**
   * The sanitizer writes a link's rels in the order of a JDK set, which changes from one process to
   * the next, so the same comment came out differently after a restart or on another node. No rel
   * of a comment's own survives the policy, so every link's rels are exactly these, in one order.
   */
  private static HtmlStreamEventReceiver relsInOneOrder(HtmlStreamEventReceiver receiver) {
    return new HtmlStreamEventReceiverWrapper(receiver) {
      @Override
      public void openTag(String element, List<String> attributes) {
        List<String> ordered = new ArrayList<>(attributes);
        for (int i = 0; i + 1 < ordered.size(); i += 2) {
          if (ordered.get(i).equals("rel")) {
            ordered.set(i + 1, LINK_RELS);
          }
        }
        underlying.openTag(element, ordered);
      }
    };
  }

  /** Counts the links a comment would show, for the link limit. */
  static int linkCount(String markdown) {
    String html = toHtml(markdown);
    int count = 0;
    for (int i = html.indexOf("<a "); i >= 0; i = html.indexOf("<a ", i + 1)) {
      count++;
    }
    return count;
  }
}
