package org.broadsheet.article;

import gg.jte.Content;
import java.util.List;
import org.broadsheet.web.FeedLink;
import org.broadsheet.web.ReaderCookie;
import org.broadsheet.web.ReaderRequest;

/**
 * What another feature shows under an article (the comment section), so the article page need not
 * know that feature. It is asked with plain data and answers with typed content.
 */
@FunctionalInterface
public interface BelowTheArticle {
  /**
   * What goes below the article.
   *
   * @param content rendered under the article's body
   * @param feeds feeds of what is shown, linked from the article page's head
   * @param cookies cookies to set on the reader's browser with the page
   * @param links links shown in the article's header, beside its dates (the comment count and
   *     "Leave a comment"), each to a place in what is below
   */
  record Below(
      Content content, List<FeedLink> feeds, List<ReaderCookie> cookies, List<Link> links) {
    public static final Below NOTHING = new Below(output -> {}, List.of(), List.of(), List.of());

    public Below {
      feeds = List.copyOf(feeds);
      cookies = List.copyOf(cookies);
      links = List.copyOf(links);
    }
  }

  /** A link of the article's header to something below the article. */
  record Link(String text, String href) {}

  /** What goes below this article for the reader who asked for it. */
  Below below(Article article, ReaderRequest reader);

  BelowTheArticle NOTHING = (article, reader) -> Below.NOTHING;
}
