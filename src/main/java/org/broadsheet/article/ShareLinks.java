package org.broadsheet.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plain links that share an article by email or on the big networks. Nothing of another site is
 * loaded with the page: no script, no button image, no counter; the reader's browser speaks to a
 * network only when the reader follows its link.
 */
public final class ShareLinks {
  /** One way to share: the network's name and the address that opens its share page. */
  public record ShareLink(String name, String href) {}

  private ShareLinks() {}

  static List<ShareLink> of(String headline, String url) {
    String both = headline + " " + url;
    return List.of(
        new ShareLink("Email", "mailto:?subject=" + encode(headline) + "&body=" + encode(url)),
        new ShareLink("Bluesky", "https://bsky.app/intent/compose?text=" + encode(both)),
        new ShareLink(
            "X", "https://x.com/intent/tweet?text=" + encode(headline) + "&url=" + encode(url)),
        new ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + encode(url)),
        new ShareLink(
            "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url)),
        new ShareLink("WhatsApp", "https://wa.me/?text=" + encode(both)));
  }

  /** Percent-encoding for a query value; spaces as %20, which mail programs read too. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
