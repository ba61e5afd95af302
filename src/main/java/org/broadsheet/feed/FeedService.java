package org.broadsheet.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.Author;
import org.broadsheet.article.Correction;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.settings.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses what each feed carries: the newest published articles of the site, a section, a tag or an
 * author, at most {@code feeds.entries} of them, as a summary or in full.
 */
final class FeedService {
  // Characters XML 1.0 cannot carry at all, escaped or not; an article imported with one must not
  // break its feeds.
  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  private final ArticleService articles;
  private final CorrectionService corrections;
  private final MediaService media;
  private final Supplier<SiteSettings> site;
  private final Supplier<FeedSettings> settings;

  FeedService(
      ArticleService articles,
      CorrectionService corrections,
      MediaService media,
      Supplier<SiteSettings> site,
      Supplier<FeedSettings> settings) {
    this.articles = articles;
    this.corrections = corrections;
    this.media = media;
    this.site = site;
    this.settings = settings;
  }

  Feed site() {
    SiteSettings site = this.site.get();
    return feed(site.name(), site.description(), "/", "", articles.newest(limit()));
  }

  Optional<Feed> section(String slug) {
    return articles
        .section(slug)
        .map(
            section ->
                feed(
                    titled(section.name()),
                    "The latest from " + section.name() + ".",
                    section.path(),
                    section.path(),
                    articles.newestInSection(section, limit())));
  }

  Optional<Feed> tag(String slug) {
    return articles
        .tag(slug)
        .map(
            tag ->
                feed(
                    titled(tag.name()),
                    "Articles tagged " + tag.name() + ".",
                    tag.path(),
                    tag.path(),
                    articles.newestTagged(tag, limit())));
  }

  Optional<Feed> author(String slug) {
    return articles
        .author(slug)
        .map(
            author ->
                feed(
                    titled(author.name()),
                    author.bio().isBlank() ? "Articles by " + author.name() + "." : author.bio(),
                    author.path(),
                    author.path(),
                    articles.newestByAuthor(author, limit())));
  }

  /**
   * The corrections feed: each standing correction of a published article, newest first, its id and
   * link the correction's place on the article's page.
   */
  Feed corrections() {
    SiteSettings site = this.site.get();
    String base = site.baseUrl();
    List<Feed.Entry> entries = new ArrayList<>();
    Instant updated = Instant.EPOCH;
    for (Correction correction : corrections.published(limit())) {
      String url = base + correction.articlePath() + "#correction-" + correction.id();
      updated = correction.date().isAfter(updated) ? correction.date() : updated;
      entries.add(
          new Feed.Entry(
              url,
              url,
              xml(correction.kind().label() + ": " + correction.articleHeadline()),
              xml(correction.text()),
              null,
              List.of(),
              List.of(correction.kind().label()),
              correction.date(),
              correction.date(),
              null));
    }
    return new Feed(
        xml(titled("Corrections")),
        xml("Corrections, clarifications, updates and editor's notes, newest first."),
        site.language(),
        base + "/corrections",
        base + "/corrections",
        updated,
        entries);
  }

  /** The title of a feed of part of the site: "World | Broadsheet", as the page's own title. */
  String titled(String name) {
    return name + " | " + site.get().name();
  }

  private int limit() {
    return settings.get().entries();
  }

  private Feed feed(
      String title, String description, String pagePath, String folder, List<Article> newest) {
    SiteSettings site = this.site.get();
    boolean fullText = settings.get().fullText();
    String base = site.baseUrl();
    List<Feed.Entry> entries = new ArrayList<>();
    Instant updated = Instant.EPOCH;
    for (Article article : newest) {
      String url = base + article.path();
      Instant changed =
          article.updatedAt().isAfter(article.publishedAt())
              ? article.updatedAt()
              : article.publishedAt();
      updated = changed.isAfter(updated) ? changed : updated;
      List<String> categories = new ArrayList<>();
      categories.add(article.section().name());
      article.tags().forEach(tag -> categories.add(tag.name()));
      entries.add(
          new Feed.Entry(
              url,
              url,
              xml(article.headline()),
              xml(article.standfirst().isBlank() ? article.headline() : article.standfirst()),
              fullText ? xml(fullText(article, base)) : null,
              article.authors().stream()
                  .map((Author author) -> new Feed.Byline(xml(author.name()), base + author.path()))
                  .toList(),
              categories.stream().map(FeedService::xml).toList(),
              article.publishedAt(),
              changed,
              enclosure(article.leadImage(), base)));
    }
    return new Feed(
        xml(title),
        xml(description),
        site.language(),
        base + pagePath,
        base + folder,
        updated,
        entries);
  }

  private static String xml(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  private Feed.Enclosure enclosure(Image image, String base) {
    if (image == null) {
      return null;
    }
    long length = media.size(image.fileName()).orElse(0L);
    return new Feed.Enclosure(base + image.url(), image.contentType(), length, image.altText());
  }

  /**
   * The article's lead figure and body as HTML, every link and picture made absolute, since feed
   * readers show it away from the site.
   */
  private String fullText(Article article, String base) {
    Document document = Jsoup.parseBodyFragment("", base + article.path());
    Element body = document.body();
    Image lead = article.leadImage();
    if (lead != null) {
      Element figure = body.appendElement("figure");
      figure
          .appendElement("img")
          .attr("src", lead.url())
          .attr("alt", lead.altText())
          .attr("width", Integer.toString(lead.width()))
          .attr("height", Integer.toString(lead.height()));
      String caption =
          lead.caption() + (lead.credit().isBlank() ? "" : " (Photo: " + lead.credit() + ")");
      if (!caption.isBlank()) {
        figure.appendElement("figcaption").text(caption.strip());
      }
    }
    body.append(articles.renderBody(article));
    if (!article.corrections().isEmpty()) {
      Element block = body.appendElement("section");
      block.appendElement("h2").text("Corrections and updates");
      Element list = block.appendElement("ul");
      for (Correction correction : article.corrections()) {
        list.appendElement("li")
            .text(correction.kind().label() + ", " + correction.date() + ": " + correction.text());
      }
    }
    for (String attribute : List.of("href", "src")) {
      for (Element element : body.select("[" + attribute + "]")) {
        element.attr(attribute, absolute(element, attribute, base));
      }
    }
    for (Element picture : body.select("[srcset]")) {
      picture.removeAttr("srcset");
    }
    document.outputSettings().prettyPrint(false);
    return body.html();
  }

  /** The site's own paths live under the base URL, which may have a path of its own. */
  private static String absolute(Element element, String attribute, String base) {
    String value = element.attr(attribute);
    if (value.startsWith("/") && !value.startsWith("//")) {
      return base + value;
    }
    String resolved = element.absUrl(attribute);
    return resolved.isEmpty() ? value : resolved;
  }
}
