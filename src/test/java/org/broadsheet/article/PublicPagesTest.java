package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicPagesTest {
  private static final String REFERENCE_SLUG = "lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo().serve();
    site.application().settings().set("site.base_url", "https://news.example.org");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static Document page(String path, int status) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as("status of " + path).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    Document document = Jsoup.parse(response.body(), site.url(path));
    assertEveryPageBasics(document, path);
    return document;
  }

  private static void assertEveryPageBasics(Document document, String path) {
    assertThat(document.selectFirst("html").attr("lang")).as("lang on " + path).isEqualTo("en");
    assertThat(document.title()).as("title on " + path).isNotBlank();
    assertThat(document.selectFirst("meta[name=description]").attr("content"))
        .as("description on " + path)
        .isNotBlank();
    assertThat(document.selectFirst("link[rel=canonical]").attr("href"))
        .startsWith("https://news.example.org/");
    assertThat(document.select("header, nav, main, footer")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(document.select("h1")).as("one h1 on " + path).hasSize(1);
    for (Element image : document.select("img")) {
      assertThat(image.hasAttr("alt")).as("alt on " + image).isTrue();
    }
    // No third-party requests: every stylesheet, script and picture comes from the site itself.
    for (Element element : document.select("link[href], script[src], img[src]")) {
      String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
      // Canonical and feed links name the site's public address; browsers do not fetch them.
      if (!element.attr("rel").equals("canonical") && !element.attr("rel").equals("alternate")) {
        assertThat(url).as("same-site resource on " + path).startsWith("/");
      }
    }
  }

  @Test
  void articlePageShowsEverythingTheReferencePageHas() {
    Document page = page("/articles/" + REFERENCE_SLUG, 200);
    Element article = page.selectFirst("article.article");
    assertThat(article.selectFirst(".kicker").text()).contains("Local Sources");
    String headline = article.selectFirst("h1").text();
    assertThat(headline).startsWith("Residents of Flooded Lower Quay District");
    assertThat(page.title()).startsWith(headline);
    assertThat(article.selectFirst(".standfirst").text()).isNotBlank();
    assertThat(article.select(".byline a[rel=author]"))
        .extracting(Element::text)
        .containsExactly("Mirela Odsson", "Tobiah Ferrant");
    assertThat(article.select(".dates time")).hasSize(2);
    assertThat(article.selectFirst(".dates time").attr("datetime"))
        .isEqualTo("2026-11-24T06:45:00Z");

    Element lead = article.selectFirst("figure.lead-figure");
    assertThat(lead.selectFirst("img").attr("alt")).isNotBlank();
    // The demo's pictures are drawings, and their captions say so.
    assertThat(lead.selectFirst("figcaption").text())
        .startsWith("Illustration")
        .endsWith("(Photo: Broadsheet demo illustration)");
    Element inline = article.selectFirst(".article-body figure");
    assertThat(inline.selectFirst("figcaption").text()).contains("(Photo: ");
    // Every figure offers several widths and keeps its place while it loads.
    for (Element img : article.select("figure img")) {
      assertThat(img.attr("srcset").split(",")).as(img.toString()).hasSizeGreaterThan(2);
      assertThat(img.attr("srcset")).matches("(/media/[a-z0-9-]+\\.jpg [0-9]+w\\s*,?\\s*)+");
      assertThat(img.attr("sizes")).isNotBlank();
      assertThat(img.attr("width")).isEqualTo("1200");
      assertThat(img.attr("height")).isEqualTo("800");
    }
    assertThat(lead.selectFirst("img").hasAttr("loading")).isFalse();
    assertThat(inline.selectFirst("img").attr("loading")).isEqualTo("lazy");
    assertThat(article.select(".article-body blockquote")).isNotEmpty();
    assertThat(article.select(".tags a[rel=tag]"))
        .extracting(Element::text)
        .contains("flooding", "Kestrelmouth");
    assertThat(article.selectFirst(".filed a").attr("href")).isEqualTo("/section/world");
    // The typos of the newsroom's text are kept exactly as written.
    assertThat(article.selectFirst(".article-body").text()).contains("negotations");

    Element comments = page.selectFirst("section#comments");
    assertThat(comments.select("li.comment")).hasSize(55);
    assertThat(comments.select("ol.children")).isNotEmpty();
    assertThat(comments.text())
        .contains("Leave a comment", "Your email address will not be published.");
  }

  @Test
  void pictureUrlsServeThePictureForAYear() {
    Document page = page("/articles/" + REFERENCE_SLUG, 200);
    String src = page.selectFirst("figure.lead-figure img").attr("src");
    HttpResponse<byte[]> picture = site.getBytes(src);
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.headers().firstValue("content-type")).hasValue("image/jpeg");
    assertThat(picture.headers().firstValue("cache-control"))
        .hasValueSatisfying(v -> assertThat(v).contains("immutable"));
    assertThat(site.get("/media/..%2Fbroadsheet.db").statusCode()).isEqualTo(404);
  }

  @Test
  void articleWithoutCommentsInvitesTheFirstOne() {
    Document page = page("/articles/halden-observatory-comet", 200);
    String headline = page.selectFirst("h1").text();
    Element comments = page.selectFirst("section#comments");
    assertThat(comments.selectFirst("h2").text())
        .isEqualTo("Be the first to comment on \"" + headline + "\"");
    assertThat(comments.select("h2").eachText()).contains("Leave a comment");
    assertThat(comments.text()).contains("Your email address will not be published.");
  }

  @Test
  void frontPageLeadsWithAStoryAndItsPictureThenLatestThenSections() {
    Document page = page("/", 200);
    Element lead = page.selectFirst(".lead-story");
    assertThat(lead.selectFirst("img")).isNotNull();
    assertThat(lead.selectFirst(".lead-headline a").attr("href")).startsWith("/articles/");
    assertThat(page.select(".latest article")).isNotEmpty();
    assertThat(page.select(".by-section h2").eachText())
        .contains("World", "Politics", "Business", "Science", "Culture");
    assertThat(page.select("nav.sections a").eachText()).contains("World", "Culture");
  }

  @Test
  void sectionTagAndAuthorPagesListTheirArticlesWithPagination() {
    site.application().settings().set("site.page_size", "2");
    try {
      Document section = page("/section/world", 200);
      assertThat(section.selectFirst("h1").text()).isEqualTo("World");
      assertThat(section.select(".story-list article")).hasSize(2);
      assertThat(section.selectFirst("a[rel=next]").attr("href"))
          .isEqualTo("/section/world?page=2");
      Document second = page("/section/world?page=2", 200);
      assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/section/world");
      assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
          .isEqualTo("https://news.example.org/section/world?page=2");

      Document tag = page("/tag/kestrelmouth", 200);
      assertThat(tag.selectFirst("h1").text()).isEqualTo("Kestrelmouth");
      assertThat(tag.select(".pagination")).isNotEmpty();

      Document author = page("/author/mirela-odsson", 200);
      assertThat(author.selectFirst("h1").text()).isEqualTo("Mirela Odsson");
      assertThat(author.selectFirst(".listing-description").text()).contains("city editor");

      page("/section/world?page=99", 404);
      page("/section/world?page=abc", 404);
    } finally {
      site.application().settings().set("site.page_size", "10");
    }
  }

  @Test
  void aLaterPageOfCommentsIsAPageLikeAnyOther() {
    site.application().settings().set("comments.per_page", "20");
    try {
      Document comments = page("/articles/" + REFERENCE_SLUG + "/comments?page=2", 200);
      assertThat(comments.selectFirst("h1 a").attr("href"))
          .isEqualTo("/articles/" + REFERENCE_SLUG);
      assertThat(comments.select("ol.comment-list > li.comment"))
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(20);
      assertThat(comments.selectFirst("link[rel=canonical]").attr("href"))
          .isEqualTo("https://news.example.org/articles/" + REFERENCE_SLUG + "/comments?page=2");
    } finally {
      site.application().settings().set("comments.per_page", "50");
    }
  }

  @Test
  void unknownPagesAnswer404WithTheSiteFrame() {
    Document missing = page("/articles/no-such-story", 404);
    assertThat(missing.selectFirst("h1").text()).isEqualTo("Page not found");
    page("/section/nowhere", 404);
    page("/tag/nothing", 404);
    page("/author/nobody", 404);
    page("/no/such/path", 404);
  }

  @Test
  void healthCheckAnswersOnceTheSiteCanServe() {
    HttpResponse<String> health = site.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
  }

  @Test
  void stylesheetHasAFingerprintedLongLivedUrlAndAPrintStyle() {
    String href = page("/", 200).selectFirst("link[rel=stylesheet]").attr("href");
    assertThat(href).matches("/assets/site\\.[0-9a-f]{10}\\.css");
    HttpResponse<String> css = site.get(href);
    assertThat(css.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(css.body()).contains("@media print", ":focus-visible");
    assertThat(css.body()).doesNotContain("http://", "https://", "@import");
  }
}
