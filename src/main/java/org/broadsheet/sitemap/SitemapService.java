package org.broadsheet.sitemap;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleTimes;
import org.broadsheet.article.ListingTimes;
import org.broadsheet.settings.SiteSettings;

/**
 * What the sitemaps list: every published article in the sitemap of its month of publication (in
 * UTC), the section, tag and author pages, and the articles of the last 48 hours for Google News. A
 * list longer than the limits allow is split into numbered parts.
 */
final class SitemapService {
  /** How long an article stays in the Google News sitemap. */
  static final Duration NEWS_WINDOW = Duration.ofHours(48);

  /** Google News reads at most this many URLs from one news sitemap: the newest are kept. */
  static final int NEWS_MAX_URLS = 1000;

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "(articles-(\\d{4})-(\\d{2})|sections|tags|authors|news)(?:-([2-9]|[1-9]\\d{1,5}))?\\.xml");
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private final ArticleService articles;
  private final Supplier<SiteSettings> site;
  private final SitemapLimits limits;

  /** The site's clock: what "the last 48 hours" of the news sitemap counts back from. */
  private final java.time.Clock clock;

  SitemapService(
      ArticleService articles,
      Supplier<SiteSettings> site,
      SitemapLimits limits,
      java.time.Clock clock) {
    this.clock = clock;
    this.articles = articles;
    this.site = site;
    this.limits = limits;
  }

  /** The sitemap index: every part of every sitemap that has a URL in it. */
  byte[] index() {
    List<SitemapWriter.IndexEntry> entries = new ArrayList<>();
    Map<YearMonth, List<ArticleTimes>> months = new TreeMap<>();
    for (ArticleTimes article : articles.publishedTimes(Instant.EPOCH, END_OF_TIME)) {
      months.computeIfAbsent(month(article.publishedAt()), month -> new ArrayList<>()).add(article);
    }
    months.forEach(
        (month, published) -> name(entries, "articles-" + month, articleUrls(published), null));
    name(entries, "sections", sectionUrls(), null);
    name(entries, "tags", listingUrls(articles.tagTimes()), null);
    name(entries, "authors", listingUrls(articles.authorTimes()), null);
    name(entries, "news", newsUrls(), publication());
    return SitemapWriter.index(entries);
  }

  /** The sitemap of this file name (articles-2026-11.xml, tags-2.xml); empty when there is none. */
  Optional<byte[]> sitemap(String fileName) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      return Optional.empty();
    }
    String stem = name.group(1);
    int part = name.group(4) == null ? 1 : Integer.parseInt(name.group(4));
    SitemapWriter.Publication publication = null;
    List<SitemapUrl> urls;
    if (name.group(2) != null) {
      int monthNumber = Integer.parseInt(name.group(3));
      if (monthNumber < 1 || monthNumber > 12) {
        return Optional.empty();
      }
      YearMonth month = YearMonth.of(Integer.parseInt(name.group(2)), monthNumber);
      urls =
          articleUrls(
              articles.publishedTimes(
                  month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                  month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    } else {
      urls =
          switch (stem) {
            case "sections" -> sectionUrls();
            case "tags" -> listingUrls(articles.tagTimes());
            case "authors" -> listingUrls(articles.authorTimes());
            default -> newsUrls();
          };
      publication = stem.equals("news") ? publication() : null;
    }
    List<List<SitemapUrl>> parts = parts(urls, publication);
    if (part > parts.size()) {
      return Optional.empty();
    }
    return Optional.of(SitemapWriter.urlset(parts.get(part - 1), publication));
  }

  /** The file name of one part of a sitemap: the first is stem.xml, the next stem-2.xml, … */
  static String fileName(String stem, int part) {
    return part == 1 ? stem + ".xml" : stem + "-" + part + ".xml";
  }

  /**
   * Splits a list so that no part has more than the limits allow, in order, filling each part
   * before starting the next.
   *
   * @param size the bytes one item takes
   * @param overhead the bytes a part takes besides its items
   */
  static <T> List<List<T>> split(
      List<T> items, ToLongFunction<T> size, long overhead, SitemapLimits limits) {
    List<List<T>> parts = new ArrayList<>();
    List<T> part = new ArrayList<>();
    long bytes = overhead;
    for (T item : items) {
      long itemBytes = size.applyAsLong(item);
      if (!part.isEmpty()
          && (part.size() == limits.maxUrls() || bytes + itemBytes > limits.maxBytes())) {
        parts.add(part);
        part = new ArrayList<>();
        bytes = overhead;
      }
      part.add(item);
      bytes += itemBytes;
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  private List<List<SitemapUrl>> parts(
      List<SitemapUrl> urls, SitemapWriter.Publication publication) {
    long[] sizes = SitemapWriter.sizes(urls, publication);
    List<Integer> indexes = IntStream.range(0, urls.size()).boxed().toList();
    return split(indexes, i -> sizes[i], SitemapWriter.overhead(publication), limits).stream()
        .map(part -> part.stream().map(urls::get).toList())
        .toList();
  }

  /** Adds every part of a sitemap to the index; a sitemap with no URL is left out. */
  private void name(
      List<SitemapWriter.IndexEntry> entries,
      String stem,
      List<SitemapUrl> urls,
      SitemapWriter.Publication publication) {
    List<List<SitemapUrl>> parts = parts(urls, publication);
    for (int i = 0; i < parts.size(); i++) {
      Instant lastModified = null;
      for (SitemapUrl url : parts.get(i)) {
        if (url.lastModified() != null
            && (lastModified == null || url.lastModified().isAfter(lastModified))) {
          lastModified = url.lastModified();
        }
      }
      entries.add(
          new SitemapWriter.IndexEntry(
              base() + "/sitemaps/" + fileName(stem, i + 1), lastModified));
    }
  }

  private List<SitemapUrl> articleUrls(List<ArticleTimes> published) {
    return published.stream()
        .map(article -> new SitemapUrl(base() + article.path(), article.lastModified(), null))
        .toList();
  }

  /** The front page, whose newest article is the site's newest, then every section's page. */
  private List<SitemapUrl> sectionUrls() {
    List<ListingTimes> sections = articles.sectionTimes();
    Instant newest =
        sections.stream().map(ListingTimes::lastModified).max(Instant::compareTo).orElse(null);
    List<SitemapUrl> urls = new ArrayList<>();
    urls.add(new SitemapUrl(base() + "/", newest, null));
    urls.addAll(listingUrls(sections));
    return urls;
  }

  private List<SitemapUrl> listingUrls(List<ListingTimes> listings) {
    return listings.stream()
        .map(listing -> new SitemapUrl(base() + listing.path(), listing.lastModified(), null))
        .toList();
  }

  /** Articles published in the last 48 hours, at most the newest 1,000. */
  private List<SitemapUrl> newsUrls() {
    Instant now = clock.instant();
    List<ArticleTimes> recent = articles.publishedTimes(now.minus(NEWS_WINDOW), END_OF_TIME);
    return recent.subList(Math.max(0, recent.size() - NEWS_MAX_URLS), recent.size()).stream()
        .map(
            article ->
                new SitemapUrl(
                    base() + article.path(),
                    article.lastModified(),
                    new SitemapUrl.News(article.headline(), article.publishedAt())))
        .toList();
  }

  private SitemapWriter.Publication publication() {
    SiteSettings site = this.site.get();
    return new SitemapWriter.Publication(site.name(), newsLanguage(site.language()));
  }

  /**
   * Google News takes an ISO 639 code (en, fra), except zh-cn and zh-tw for Chinese: the page's
   * language tag, such as en-GB, without its region.
   */
  static String newsLanguage(String languageTag) {
    String tag = languageTag.toLowerCase(Locale.ROOT);
    if (tag.equals("zh") || tag.startsWith("zh-")) {
      return tag.contains("tw") || tag.contains("hant") || tag.contains("hk") ? "zh-tw" : "zh-cn";
    }
    int dash = tag.indexOf('-');
    return dash < 0 ? tag : tag.substring(0, dash);
  }

  String robotsTxt(SitemapSettings settings) {
    String text = settings.robotsTxt().replace("\r\n", "\n").strip();
    return (text.isEmpty() ? "" : text + "\n\n") + "Sitemap: " + base() + "/sitemap.xml\n";
  }

  private String base() {
    return site.get().baseUrl();
  }

  private static YearMonth month(Instant instant) {
    return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
  }
}
