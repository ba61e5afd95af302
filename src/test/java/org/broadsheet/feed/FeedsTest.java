package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Feeds read back by ROME as a feed reader would, and the links in pages that point to them. */
class FeedsTest {
  private static final String BASE = "https://news.example.org";
  private static final int DEMO_ARTICLES = 14;

  private static TestSite demo() {
    return demo(Engine.SQLITE);
  }

  private static TestSite demo(Engine engine) {
    TestSite site = TestSite.open(engine).withDemo();
    site.application().settings().set("site.base_url", BASE);
    return site;
  }

  static SyndFeed read(TestSite site, String path, String contentType) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
    try {
      return new SyndFeedInput().build(new StringReader(response.body()));
    } catch (Exception e) {
      throw new AssertionError(path + " is not a feed ROME can read", e);
    }
  }

  private static List<String> creators(SyndEntry entry, boolean atom) {
    if (atom) {
      return entry.getAuthors().stream().map(author -> author.getName()).toList();
    }
    return ((DCModule) entry.getModule(DCModule.URI)).getCreators();
  }

  /** What every feed must be, whatever it follows. */
  private static void assertWellMade(SyndFeed feed, String path, boolean atom) {
    List<SyndEntry> entries = feed.getEntries();
    assertThat(entries).as(path).isNotEmpty().hasSizeLessThanOrEqualTo(20);
    assertThat(feed.getLink()).as(path).startsWith(BASE + "/");
    assertThat(entries.stream().map(SyndEntry::getUri).toList()).as(path).doesNotHaveDuplicates();
    Date previous = null;
    boolean enclosed = false;
    for (SyndEntry entry : entries) {
      assertThat(entry.getLink()).as(path).startsWith(BASE + "/articles/");
      assertThat(entry.getUri()).as(path).isEqualTo(entry.getLink());
      assertThat(entry.getTitle()).as(path).isNotBlank();
      assertThat(entry.getDescription().getValue()).as(path).isNotBlank();
      assertThat(entry.getPublishedDate()).as(path).isNotNull();
      if (previous != null) {
        assertThat(entry.getPublishedDate()).as(path + " newest first").isBeforeOrEqualTo(previous);
      }
      previous = entry.getPublishedDate();
      if (atom) {
        assertThat(entry.getUpdatedDate()).as(path).isAfterOrEqualTo(entry.getPublishedDate());
      }
      assertThat(creators(entry, atom)).as(path + " bylines").isNotEmpty();
      for (SyndEnclosure enclosure : entry.getEnclosures()) {
        enclosed = true;
        assertThat(enclosure.getUrl()).startsWith(BASE + "/media/");
        assertThat(enclosure.getType()).startsWith("image/");
        assertThat(enclosure.getLength()).isPositive();
      }
    }
    assertThat(enclosed).as(path + " carries lead pictures").isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyFeedReadsBackAsAFeedWithItsArticles(Engine engine) {
    try (TestSite site = demo(engine).serve()) {
      for (String folder :
          List.of("", "/section/world", "/tag/kestrelmouth", "/author/mirela-odsson")) {
        SyndFeed rss = read(site, folder + "/feed.xml", "application/rss+xml");
        SyndFeed atom = read(site, folder + "/feed.atom", "application/atom+xml");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertWellMade(rss, folder + "/feed.xml", false);
        assertWellMade(atom, folder + "/feed.atom", true);
        assertThat(atom.getEntries().stream().map(SyndEntry::getUri).toList())
            .isEqualTo(rss.getEntries().stream().map(SyndEntry::getUri).toList());
        assertThat(atom.getUri()).isEqualTo(BASE + folder + "/feed.atom");
        assertThat(site.get(folder + "/feed.xml").body())
            .contains("rel=\"self\"", "href=\"" + BASE + folder + "/feed.xml\"");
      }
      assertThat(read(site, "/feed.xml", "application/rss+xml").getEntries())
          .hasSize(DEMO_ARTICLES);
      assertThat(read(site, "/feed.xml", "application/rss+xml").getTitle()).isEqualTo("Broadsheet");
      assertThat(read(site, "/section/world/feed.atom", "application/atom+xml").getTitle())
          .isEqualTo("World | Broadsheet");
      for (SyndEntry entry :
          read(site, "/section/world/feed.xml", "application/rss+xml").getEntries()) {
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).contains("World");
      }
      for (SyndEntry entry :
          read(site, "/tag/kestrelmouth/feed.atom", "application/atom+xml").getEntries()) {
        assertThat(entry.getCategories())
            .extracting(SyndCategory::getName)
            .contains("Kestrelmouth");
      }
      for (SyndEntry entry :
          read(site, "/author/mirela-odsson/feed.xml", "application/rss+xml").getEntries()) {
        assertThat(creators(entry, false)).contains("Mirela Odsson");
      }
    }
  }

  @Test
  void theJsonFeedListsTheSameArticles() throws Exception {
    try (TestSite site = demo().serve()) {
      HttpResponse<String> response = site.get("/feed.json");
      assertThat(response.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/feed+json"));
      JsonNode feed = new ObjectMapper().readTree(response.body());
      assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
      assertThat(feed.get("feed_url").asText()).isEqualTo(BASE + "/feed.json");
      List<String> ids = new ArrayList<>();
      for (JsonNode item : feed.get("items")) {
        ids.add(item.get("id").asText());
        assertThat(item.get("url").asText()).startsWith(BASE + "/articles/");
        assertThat(item.get("date_published").asText()).endsWith("Z");
        assertThat(item.get("authors").get(0).get("name").asText()).isNotBlank();
      }
      assertThat(ids)
          .doesNotHaveDuplicates()
          .isEqualTo(
              read(site, "/feed.xml", "application/rss+xml").getEntries().stream()
                  .map(SyndEntry::getUri)
                  .toList());
    }
  }

  @Test
  void feedsCarryTheStandfirstUnlessFullTextIsSet() {
    try (TestSite site = demo().serve()) {
      SyndEntry summary = read(site, "/feed.atom", "application/atom+xml").getEntries().getFirst();
      assertThat(summary.getContents()).isEmpty();
      String standfirst =
          site.application()
              .articles()
              .published(summary.getLink().substring((BASE + "/articles/").length()))
              .orElseThrow()
              .standfirst();
      assertThat(summary.getDescription().getValue()).isEqualTo(standfirst);

      site.application().settings().set("feeds.full_text", "true");
      for (String path : List.of("/feed.atom", "/feed.xml")) {
        SyndEntry full =
            read(site, path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml")
                .getEntries()
                .getFirst();
        assertThat(full.getContents()).as(path).hasSize(1);
        Document body = Jsoup.parseBodyFragment(full.getContents().getFirst().getValue());
        assertThat(body.select("p")).as(path).isNotEmpty();
        assertThat(body.select("img"))
            .as(path)
            .isNotEmpty()
            .allSatisfy(img -> assertThat(img.attr("src")).startsWith(BASE + "/media/"));
        assertThat(body.select("a[href]"))
            .allSatisfy(link -> assertThat(link.attr("href")).matches("(https?|mailto):.*|#.*"));
      }
    }
  }

  @Test
  void charactersXmlCannotCarryDoNotBreakTheFeeds() {
    try (TestSite site = demo()) {
      Stories.file(
          site,
          "odd-characters",
          "Odd\u0001 Characters\uFFFE & <Marks>",
          "World",
          List.of("Odd\u0002"),
          "Ina\u0003 Holm",
          ArticleStatus.PUBLISHED,
          Instant.now().minusSeconds(60));
      site.application().settings().set("feeds.full_text", "true");
      site.serve();
      for (String path : List.of("/feed.xml", "/feed.atom")) {
        SyndEntry entry =
            read(site, path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml")
                .getEntries()
                .getFirst();
        assertThat(entry.getTitle()).isEqualTo("Odd Characters & <Marks>");
      }
      assertThat(site.get("/feed.json").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aFeedCarriesAtMostTheSetNumberOfEntries() {
    try (TestSite site = demo().serve()) {
      site.application().settings().set("feeds.entries", "3");
      assertThat(read(site, "/feed.xml", "application/rss+xml").getEntries()).hasSize(3);
      assertThat(read(site, "/section/world/feed.atom", "application/atom+xml").getEntries())
          .hasSizeLessThanOrEqualTo(3);
    }
  }

  @Test
  void feedsOfUnknownSectionsTagsAndAuthorsAreNotFound() {
    try (TestSite site = demo().serve()) {
      for (String path :
          List.of(
              "/section/no-such-section/feed.xml",
              "/tag/no-such-tag/feed.atom",
              "/author/no-such-author/feed.json",
              "/section/world/feed.rss")) {
        assertThat(site.get(path).statusCode()).as(path).isEqualTo(404);
      }
    }
  }

  @Test
  void aFeedReaderAskingAgainGetsNotModified() {
    try (TestSite site = demo().serve()) {
      for (String path : List.of("/feed.xml", "/tag/kestrelmouth/feed.atom", "/feed.json")) {
        HttpResponse<byte[]> first = site.getBytes(path, "Accept-Encoding", "gzip");
        String etag = first.headers().firstValue("etag").orElseThrow();
        String lastModified = first.headers().firstValue("last-modified").orElseThrow();
        assertThat(
                site.getBytes(path, "If-None-Match", etag, "Accept-Encoding", "gzip").statusCode())
            .as(path)
            .isEqualTo(304);
        assertThat(site.getBytes(path, "If-Modified-Since", lastModified).statusCode())
            .as(path)
            .isEqualTo(304);
      }
    }
  }

  /** The feed links in a page's head, by type, with their addresses. */
  private static Map<String, List<String>> feedLinks(TestSite site, String path) {
    Document page = Jsoup.parse(site.get(path).body());
    Map<String, List<String>> links = new java.util.TreeMap<>();
    for (Element link : page.select("head link[rel=alternate]")) {
      assertThat(link.attr("title")).as(path).isNotBlank();
      links.computeIfAbsent(link.attr("type"), type -> new ArrayList<>()).add(link.attr("href"));
    }
    return links;
  }

  @Test
  void pagesPointFeedReadersToTheirFeeds() {
    try (TestSite site = demo().serve()) {
      List<String> siteFeeds =
          List.of(BASE + "/feed.xml", BASE + "/feed.atom", BASE + "/feed.json");
      for (String path :
          List.of("/", "/articles/lower-quay-evacuation-agreement", "/no/such/page")) {
        List<String> hrefs = feedLinks(site, path).values().stream().flatMap(List::stream).toList();
        assertThat(hrefs).as(path).containsAll(siteFeeds);
      }
      assertThat(feedLinks(site, "/").values().stream().mapToInt(List::size).sum()).isEqualTo(3);
      for (String listing :
          List.of("/section/world", "/tag/kestrelmouth", "/author/mirela-odsson")) {
        Map<String, List<String>> links = feedLinks(site, listing);
        assertThat(links.get("application/rss+xml"))
            .containsExactly(BASE + "/feed.xml", BASE + listing + "/feed.xml");
        assertThat(links.get("application/atom+xml"))
            .containsExactly(BASE + "/feed.atom", BASE + listing + "/feed.atom");
        assertThat(links.get("application/feed+json")).contains(BASE + listing + "/feed.json");
      }
      assertThat(
              feedLinks(site, "/articles/lower-quay-evacuation-agreement")
                  .get("application/atom+xml"))
          .contains(BASE + "/articles/lower-quay-evacuation-agreement/comments.atom");
      // Every linked feed is there.
      for (String path :
          List.of("/", "/section/world", "/articles/lower-quay-evacuation-agreement")) {
        for (String href :
            new HashSet<>(feedLinks(site, path).values().stream().flatMap(List::stream).toList())) {
          assertThat(site.get(href.substring(BASE.length())).statusCode()).as(href).isEqualTo(200);
        }
      }
    }
  }
}
