package org.broadsheet.article;

import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.ReaderRequest;
import org.broadsheet.web.Templates;

/** The public pages of articles: front, article, section, tag and author pages. */
final class ArticleHandler {
  private final ArticleService articles;
  private final Templates templates;
  private final PageCache pages;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;
  private final ArticlePages articlePages;
  private final BelowTheArticle belowTheArticle;
  private final ListingFeeds listingFeeds;
  private final Corrections corrections;

  /** The corrections page's content and its feeds. */
  record Corrections(CorrectionService service, ListingFeeds feeds) {}

  /** Corrections listed on the corrections page; its feed carries fewer. */
  static final int CORRECTIONS_ON_PAGE = 500;

  ArticleHandler(
      ArticleService articles,
      Templates templates,
      PageCache pages,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      ArticlePages articlePages,
      BelowTheArticle belowTheArticle,
      ListingFeeds listingFeeds,
      Corrections corrections) {
    this.articles = articles;
    this.corrections = corrections;
    this.articlePages = articlePages;
    this.templates = templates;
    this.pages = pages;
    this.layout = layout;
    this.site = site;
    this.belowTheArticle = belowTheArticle;
    this.listingFeeds = listingFeeds;
  }

  void front(Context ctx) {
    SiteSettings settings = site.get();
    Typography typography = Typography.of(settings.typography());
    ArticleService.FrontPageContent front = articles.frontPage();
    Layout frame = layout.get();
    PageMeta meta =
        StructuredData.front(new PageMeta(settings.name(), settings.description(), "/"), frame);
    List<String> tags =
        new ArrayList<>(List.of(ArticleService.LISTINGS, CurationService.FRONT_PAGE));
    if (front.lead() != null) {
      tags.add(ArticleService.pageTag(front.lead().id()));
    }
    front.latest().forEach(story -> tags.add(ArticleService.pageTag(story.id())));
    front
        .sections()
        .forEach(
            group ->
                group.articles().forEach(story -> tags.add(ArticleService.pageTag(story.id()))));
    html(
        ctx,
        templates.render(
            "article/front.jte",
            new FrontPage(
                frame,
                meta,
                dates(settings),
                typography.summary(front.lead()),
                typography.summaries(front.latest()),
                front.sections().stream()
                    .map(
                        group ->
                            new FrontPage.SectionGroup(
                                group.section(), typography.summaries(group.articles())))
                    .toList())),
        tags);
  }

  void article(Context ctx) {
    String slug = ctx.pathParam("slug");
    Optional<Article> found = articles.published(slug);
    if (found.isEmpty()) {
      // A renamed article's old address leads to its new one; an hour's caching lets a later
      // rename back take hold soon.
      Optional<String> renamed = articles.renamed(slug);
      if (renamed.isEmpty()) {
        // An article taken down is gone, not lost: a reader's old link says so.
        if (articles.unpublished(slug)) {
          throw new GoneResponse();
        }
        throw new NotFoundResponse();
      }
      String path = renamed.get();
      ctx.header("Cache-Control", "public, max-age=3600");
      ctx.redirect(path, HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    Article article = found.get();
    BelowTheArticle.Below below = belowTheArticle.below(article, ReaderRequest.of(ctx));
    below.cookies().forEach(cookie -> cookie.setOn(ctx));
    ArticlePages.Rendered page = articlePages.page(article, below);
    html(ctx, page.html(), page.cacheTags());
  }

  void section(Context ctx) {
    Section section = articles.section(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    int page = page(ctx);
    ArticleService.Listing listing = articles.inSection(section, page, site.get().pageSize());
    String description =
        section.description().isBlank()
            ? "The latest from " + section.name() + "."
            : section.description();
    listing(ctx, "Section", section.name(), description, section.path(), listing, null);
  }

  void tag(Context ctx) {
    Tag tag = articles.tag(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    ArticleService.Listing listing = articles.tagged(tag, page(ctx), site.get().pageSize());
    listing(
        ctx, "Tag", tag.name(), "Articles tagged " + tag.name() + ".", tag.path(), listing, null);
  }

  void author(Context ctx) {
    Author author = articles.author(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
    ArticleService.Listing listing = articles.byAuthor(author, page(ctx), site.get().pageSize());
    String description =
        author.bio().isBlank() ? "Articles by " + author.name() + "." : author.bio();
    listing(ctx, "Author", author.name(), description, author.path(), listing, author);
  }

  /** Every standing correction, newest first; dropped with the listings on any article change. */
  void corrections(Context ctx) {
    PageMeta meta =
        new PageMeta(
                "Corrections",
                "Every correction, clarification, update and editor's note, newest first.",
                "/corrections")
            .withFeeds(corrections.feeds().of("/corrections", "Corrections"));
    html(
        ctx,
        templates.render(
            "article/corrections.jte",
            new CorrectionsPage(
                layout.get(),
                meta,
                dates(site.get()),
                corrections.service().published(CORRECTIONS_ON_PAGE))),
        List.of(ArticleService.LISTINGS));
  }

  private void listing(
      Context ctx,
      String kind,
      String heading,
      String writtenDescription,
      String path,
      ArticleService.Listing listing,
      Author writtenAuthor) {
    if (listing.page() > listing.pageCount()) {
      throw new NotFoundResponse();
    }
    String pagePath = listing.page() > 1 ? path + "?page=" + listing.page() : path;
    String title = listing.page() > 1 ? heading + " (page " + listing.page() + ")" : heading;
    Layout frame = layout.get();
    Typography typography = Typography.of(site.get().typography());
    String description = typography.text(writtenDescription);
    Author author = typography.author(writtenAuthor);
    PageMeta plain =
        new PageMeta(title, description, pagePath).withFeeds(listingFeeds.of(path, heading));
    PageMeta meta =
        author == null
            ? StructuredData.listing(plain, frame)
            : StructuredData.author(plain, frame, author);
    List<String> tags = new ArrayList<>(List.of(ArticleService.LISTINGS));
    listing.articles().forEach(story -> tags.add(ArticleService.pageTag(story.id())));
    pages.respondPaged(
        ctx,
        templates.render(
            "article/listing.jte",
            new ListingPage(
                frame,
                meta,
                dates(site.get()),
                kind,
                heading,
                description,
                path,
                typography.summaries(listing.articles()),
                listing.page(),
                listing.pageCount(),
                author)),
        "text/html; charset=utf-8",
        tags);
  }

  private static int page(Context ctx) {
    String value = ctx.queryParam("page");
    if (value == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(value);
      if (page < 1 || page > 100_000) {
        throw new NotFoundResponse();
      }
      return page;
    } catch (NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }

  private static Dateline dates(SiteSettings settings) {
    return new Dateline(settings.timeZone());
  }

  private void html(Context ctx, byte[] page, List<String> tags) {
    pages.respond(ctx, page, "text/html; charset=utf-8", tags);
  }
}
