package org.broadsheet.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.MovingClock;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The sitemap index and every sitemap it names are valid against the published schemas
 * (sitemaps.org's sitemap.xsd and siteindex.xsd, Google's sitemap-news.xsd, kept in the test
 * resources), stay within the protocol's limits by splitting, and follow publication times.
 */
class SitemapsTest {
  private static final String BASE = "https://news.example.org";
  private static final Schema SITEMAP = schema("sitemap.xsd", "sitemap-news.xsd");
  private static final Schema INDEX = schema("siteindex.xsd");

  private static Schema schema(String... names) {
    try {
      Source[] sources = new Source[names.length];
      for (int i = 0; i < names.length; i++) {
        sources[i] = new StreamSource(SitemapsTest.class.getResource(names[i]).toString());
      }
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertValid(Schema schema, String xml, String what) {
    try {
      schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new AssertionError(what + " is not valid: " + e.getMessage() + "\n" + xml, e);
    }
  }

  private static List<String> texts(String xml, String namespace, String element) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      NodeList nodes = document.getElementsByTagNameNS(namespace, element);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent());
      }
      return texts;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> locs(String xml) {
    return texts(xml, SitemapWriter.SITEMAPS, "loc");
  }

  private static List<String> locs(byte[] xml) {
    return locs(new String(xml, StandardCharsets.UTF_8));
  }

  /** The file names of the article sitemaps an index names. */
  private static List<String> articleSitemaps(byte[] index) {
    return locs(index).stream()
        .filter(loc -> loc.contains("/articles-"))
        .map(loc -> loc.substring(loc.lastIndexOf('/') + 1))
        .toList();
  }

  private static TestSite demo() {
    return demo(Engine.SQLITE);
  }

  private static TestSite demo(Engine engine) {
    TestSite site = TestSite.open(engine).withDemo();
    site.application().settings().set("site.base_url", BASE);
    return site;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theIndexAndEverySitemapItNamesAreValid(Engine engine) {
    try (TestSite site = demo(engine)) {
      Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
      Stories.file(
          site,
          "harbour-wall-inspected",
          "Harbour Wall Inspected & Found <Sound>",
          "World",
          List.of("Harbour"),
          "Mirela Odsson",
          ArticleStatus.PUBLISHED,
          hourAgo);
      site.serve();

      HttpResponse<String> index = site.get("/sitemap.xml");
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
      assertValid(INDEX, index.body(), "/sitemap.xml");
      List<String> sitemaps = locs(index.body());
      assertThat(texts(index.body(), SitemapWriter.SITEMAPS, "lastmod"))
          .hasSameSizeAs(sitemaps)
          .allSatisfy(lastmod -> assertThat(lastmod).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z"));
      assertThat(sitemaps)
          .contains(
              BASE + "/sitemaps/articles-2026-11.xml",
              BASE + "/sitemaps/sections.xml",
              BASE + "/sitemaps/tags.xml",
              BASE + "/sitemaps/authors.xml",
              BASE + "/sitemaps/news.xml");

      Set<String> articles = new HashSet<>();
      for (String sitemap : sitemaps) {
        HttpResponse<String> response = site.get(sitemap.substring(BASE.length()));
        assertThat(response.statusCode()).as(sitemap).isEqualTo(200);
        assertValid(SITEMAP, response.body(), sitemap);
        List<String> urls = locs(response.body());
        assertThat(urls)
            .as(sitemap)
            .isNotEmpty()
            .allSatisfy(url -> assertThat(url).startsWith(BASE + "/"));
        if (sitemap.contains("/articles-")) {
          articles.addAll(urls);
        }
      }
      assertThat(articles).hasSize(15).contains(BASE + "/articles/harbour-wall-inspected");

      String sections = site.get("/sitemaps/sections.xml").body();
      assertThat(locs(sections)).startsWith(BASE + "/").contains(BASE + "/section/world");
      assertThat(locs(site.get("/sitemaps/tags.xml").body())).contains(BASE + "/tag/harbour");
      assertThat(locs(site.get("/sitemaps/authors.xml").body()))
          .contains(BASE + "/author/mirela-odsson");

      String news = site.get("/sitemaps/news.xml").body();
      assertThat(locs(news)).contains(BASE + "/articles/harbour-wall-inspected");
      assertThat(texts(news, SitemapWriter.NEWS, "name")).containsOnly("Broadsheet");
      assertThat(texts(news, SitemapWriter.NEWS, "language")).containsOnly("en");
      assertThat(texts(news, SitemapWriter.NEWS, "title"))
          .contains("Harbour Wall Inspected & Found <Sound>");
      assertThat(texts(news, SitemapWriter.NEWS, "publication_date"))
          .contains(SitemapWriter.w3c(hourAgo));
    }
  }

  @Test
  void theSchemasRefuseWhatTheProtocolRefuses() {
    String badDate =
        """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://news.example.org/</loc><lastmod>yesterday</lastmod></url></urlset>
        """;
    String badLanguage =
        """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
          xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://news.example.org/a</loc><news:news><news:publication>
        <news:name>B</news:name><news:language>en-GB</news:language></news:publication>
        <news:publication_date>2026-11-26</news:publication_date><news:title>T</news:title>
        </news:news></url></urlset>
        """;
    String empty = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>";
    for (String xml : List.of(badDate, badLanguage, empty)) {
      assertThatThrownBy(
              () -> SITEMAP.newValidator().validate(new StreamSource(new StringReader(xml))))
          .isInstanceOf(SAXException.class);
    }
  }

  @Test
  void aSitemapLongerThanTheLimitsIsSplitIntoValidParts() {
    try (TestSite site = demo()) {
      SitemapService byCount =
          new SitemapService(
              site.application().articles(),
              () -> SiteSettings.from(site.application().settings()),
              new SitemapLimits(3, Long.MAX_VALUE),
              java.time.Clock.systemUTC());
      byte[] index = byCount.index();
      assertValid(INDEX, new String(index, StandardCharsets.UTF_8), "index");
      List<String> parts = articleSitemaps(index);
      // The demo's 14 articles, all of November 2026, three to a part.
      assertThat(parts)
          .containsExactly(
              "articles-2026-11.xml",
              "articles-2026-11-2.xml",
              "articles-2026-11-3.xml",
              "articles-2026-11-4.xml",
              "articles-2026-11-5.xml");
      Set<String> seen = new HashSet<>();
      for (String part : parts) {
        byte[] xml = byCount.sitemap(part).orElseThrow();
        assertValid(SITEMAP, new String(xml, StandardCharsets.UTF_8), part);
        assertThat(locs(xml)).hasSizeBetween(1, 3);
        seen.addAll(locs(xml));
      }
      assertThat(seen).hasSize(14);
      assertThat(byCount.sitemap("articles-2026-11-6.xml")).isEmpty();
      assertThat(byCount.sitemap("articles-2026-11-1.xml")).isEmpty();

      int maxBytes = 600;
      SitemapService byBytes =
          new SitemapService(
              site.application().articles(),
              () -> SiteSettings.from(site.application().settings()),
              new SitemapLimits(50_000, maxBytes),
              java.time.Clock.systemUTC());
      List<String> byteParts = articleSitemaps(byBytes.index());
      assertThat(byteParts).hasSizeGreaterThan(2);
      Set<String> urls = new HashSet<>();
      for (String part : byteParts) {
        byte[] xml = byBytes.sitemap(part).orElseThrow();
        assertThat(xml.length).as(part).isLessThanOrEqualTo(maxBytes);
        assertValid(SITEMAP, new String(xml, StandardCharsets.UTF_8), part);
        urls.addAll(locs(xml));
      }
      assertThat(urls).isEqualTo(seen);
    }
  }

  @Test
  void splittingFillsEachPartUpToTheCountAndTheBytes() {
    List<Integer> items = IntStream.rangeClosed(1, 10).boxed().toList();
    assertThat(SitemapService.split(items, item -> 10, 5, new SitemapLimits(4, 1_000)))
        .containsExactly(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
    assertThat(SitemapService.split(items, item -> 10, 5, new SitemapLimits(100, 35)))
        .containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9), List.of(10));
    assertThat(SitemapService.split(List.<Integer>of(), item -> 10, 5, new SitemapLimits(4, 99)))
        .isEmpty();
    assertThat(SitemapService.fileName("tags", 1)).isEqualTo("tags.xml");
    assertThat(SitemapService.fileName("articles-2026-11", 2)).isEqualTo("articles-2026-11-2.xml");
  }

  @Test
  void aSitemapsBytesAreItsOverheadAndItsUrlsExactly() {
    Instant now = Instant.now();
    List<SitemapUrl> urls =
        List.of(
            new SitemapUrl(
                BASE + "/articles/a?b=1&c=2",
                now,
                new SitemapUrl.News("Tom & Jerry\u2019s \u201cday\u201d <out>", now)),
            new SitemapUrl(
                BASE + "/articles/caf\u00e9", null, new SitemapUrl.News("\u00e9t\u00e9", now)),
            new SitemapUrl(BASE + "/", now, null));
    for (SitemapWriter.Publication publication :
        java.util.Arrays.asList(new SitemapWriter.Publication("B & Co", "fr"), null)) {
      long total =
          SitemapWriter.overhead(publication)
              + java.util.Arrays.stream(SitemapWriter.sizes(urls, publication)).sum();
      byte[] xml = SitemapWriter.urlset(urls, publication);
      assertThat(total).isEqualTo(xml.length);
      assertValid(SITEMAP, new String(xml, StandardCharsets.UTF_8), "sitemap");
    }
  }

  @Test
  void googleNewsLanguagesAreIso639Codes() {
    assertThat(SitemapService.newsLanguage("en")).isEqualTo("en");
    assertThat(SitemapService.newsLanguage("en-GB")).isEqualTo("en");
    assertThat(SitemapService.newsLanguage("fil")).isEqualTo("fil");
    assertThat(SitemapService.newsLanguage("zh-Hant-TW")).isEqualTo("zh-tw");
    assertThat(SitemapService.newsLanguage("zh-CN")).isEqualTo("zh-cn");
  }

  @Test
  void unknownSitemapsAreNotFound() {
    try (TestSite site = demo().serve()) {
      for (String path :
          List.of(
              "/sitemaps/articles-1999-01.xml",
              "/sitemaps/articles-2026-13.xml",
              "/sitemaps/articles-2026-11-9.xml",
              "/sitemaps/tags-1.xml",
              "/sitemaps/nope.xml",
              "/sitemaps/sections.txt")) {
        assertThat(site.get(path).statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void robotsTxtIsTheSettingFollowedByTheSitemapIndex() {
    try (TestSite site = demo().serve()) {
      HttpResponse<String> robots = site.get("/robots.txt");
      assertThat(robots.statusCode()).isEqualTo(200);
      assertThat(robots.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(robots.body())
          .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "/sitemap.xml\n");
      assertThat(site.get("/robots.txt").headers().firstValue("x-cache")).hasValue("HIT");

      site.application()
          .settings()
          .set("site.robots_txt", "User-agent: *\r\nDisallow: /search\r\n");
      assertThat(site.get("/robots.txt").body())
          .isEqualTo("User-agent: *\nDisallow: /search\n\nSitemap: " + BASE + "/sitemap.xml\n");
    }
  }

  @Test
  void anArticleLeavesTheNewsSitemapWhenItsTimeIsUpEvenWhileCached() throws Exception {
    // The site's clock is moved past the article's time once it is seen in the cached sitemap:
    // a time a few real seconds away could pass while a slow machine is still starting the site.
    MovingClock clock = new MovingClock();
    try (TestSite site = TestSite.open(Engine.SQLITE, clock).withDemo()) {
      site.application().settings().set("site.base_url", BASE);
      Instant published =
          clock.instant().minus(SitemapService.NEWS_WINDOW).plus(Duration.ofHours(1));
      Stories.file(
          site,
          "about-to-age",
          "About To Age Out",
          "World",
          List.of("Harbour"),
          "Mirela Odsson",
          ArticleStatus.PUBLISHED,
          published);
      site.serve();
      assertThat(site.get("/sitemaps/news.xml").body()).contains("/articles/about-to-age");
      assertThat(site.get("/sitemaps/news.xml").headers().firstValue("x-cache")).hasValue("HIT");
      clock.advance(Duration.ofHours(2));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (site.get("/sitemaps/news.xml").body().contains("/articles/about-to-age")
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(site.get("/sitemaps/news.xml").body()).doesNotContain("/articles/about-to-age");
      // It stays in the sitemap of its month.
      String month = "/sitemaps/articles-" + published.toString().substring(0, 7) + ".xml";
      assertThat(site.get(month).body()).contains("/articles/about-to-age");
    }
  }
}
