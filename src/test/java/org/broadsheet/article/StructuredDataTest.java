package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every page tells machines what it is, in JSON-LD and in OpenGraph and Twitter tags. */
class StructuredDataTest {
  private static final String BASE = "https://news.example.org";
  private static final ObjectMapper JSON = new ObjectMapper();
  // The headline's "--" is typeset as the house style's en dash, as on the page itself.
  private static final String EN_DASH = "\u2013";
  private static TestSite site;
  private static Path folder;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.open(Engine.SQLITE).serve();
    site.application().settings().set("site.base_url", BASE);
    folder = Files.createTempDirectory("structured-data");
    ImageIO.write(
        new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB),
        "jpg",
        folder.resolve("lead.jpg").toFile());
    for (ArticleType type : ArticleType.values()) {
      Path file = folder.resolve(type.word() + ".md");
      Files.writeString(
          file,
          """
          ---
          title: "Harbour %s </script><!-- headline"
          standfirst: The harbour board met.
          slug: %s
          type: %s
          section: Business
          tags: [harbour, ferries]
          authors: [Ada Quill, Ben Marsh]
          date: 2026-11-20T08:30:00Z
          dateline: KESTRELMOUTH
          image:
            path: lead.jpg
            caption: The quay at dawn.
            credit: Ina Holm/Agency
            alt: An empty quay.
          corrections:
            - date: 2026-11-21T10:00:00Z
              kind: correction
              text: An earlier version misspelt the board's name.
          ---
          The board met.
          """
              .formatted(type.word(), type.word(), type.word()));
      Cli.Run run = Cli.run(site, "import", "markdown", file.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static Document page(String path) {
    var response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(response.body());
  }

  private static JsonNode jsonLd(Document page) throws IOException {
    var scripts = page.select("script[type=application/ld+json]");
    assertThat(scripts).hasSize(1);
    return JSON.readTree(scripts.first().data());
  }

  private static String meta(Document page, String key) {
    var element = page.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
    assertThat(element).as(key).isNotNull();
    return element.attr("content");
  }

  @ParameterizedTest
  @EnumSource(ArticleType.class)
  void everyArticleTypeCarriesItsSchemaTypeAndEveryProperty(ArticleType type) throws IOException {
    Document page = page("/articles/" + type.word());
    JsonNode data = jsonLd(page);
    String url = BASE + "/articles/" + type.word();
    assertThat(data.path("@context").asText()).isEqualTo("https://schema.org");
    assertThat(data.path("@type").asText()).isEqualTo(type.schemaType());
    assertThat(data.path("headline").asText())
        .isEqualTo("Harbour " + type.word() + " </script><!" + EN_DASH + " headline");
    assertThat(data.path("description").asText()).isEqualTo("The harbour board met.");
    assertThat(data.path("url").asText()).isEqualTo(url);
    JsonNode image = data.path("image").get(0);
    assertThat(image.path("url").asText()).startsWith(BASE + "/media/");
    assertThat(image.path("caption").asText()).isEqualTo("The quay at dawn.");
    assertThat(image.path("creditText").asText()).isEqualTo("Ina Holm/Agency");
    assertThat(data.path("datePublished").asText()).isEqualTo("2026-11-20T08:30:00Z");
    assertThat(data.path("dateModified").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(data.path("author").findValuesAsText("url"))
        .containsExactly(BASE + "/author/ada-quill", BASE + "/author/ben-marsh");
    assertThat(data.path("author").findValuesAsText("@type")).containsOnly("Person");
    JsonNode publisher = data.path("publisher");
    assertThat(publisher.path("@type").asText()).isEqualTo("NewsMediaOrganization");
    assertThat(publisher.path("logo").path("url").asText()).isEqualTo(BASE + "/icon-512.png");
    assertThat(publisher.path("publishingPrinciples").asText())
        .isEqualTo(BASE + "/about/principles");
    assertThat(publisher.path("correctionsPolicy").asText())
        .isEqualTo(BASE + "/about/corrections-policy");
    assertThat(publisher.path("ethicsPolicy").asText()).isEqualTo(BASE + "/about/ethics");
    assertThat(publisher.path("ownershipFundingInfo").asText())
        .isEqualTo(BASE + "/about/ownership");
    assertThat(publisher.path("actionableFeedbackPolicy").asText())
        .isEqualTo(BASE + "/about/contact");
    assertThat(data.path("articleSection").asText()).isEqualTo("Business");
    List<String> keywords = new ArrayList<>();
    data.path("keywords").forEach(k -> keywords.add(k.asText()));
    assertThat(keywords).containsExactly("ferries", "harbour");
    assertThat(data.path("dateline").asText()).isEqualTo("KESTRELMOUTH");
    JsonNode correction = data.path("correction").get(0);
    assertThat(correction.path("@type").asText()).isEqualTo("CorrectionComment");
    assertThat(correction.path("text").asText())
        .isEqualTo("An earlier version misspelt the board's name.");
    assertThat(correction.path("datePublished").asText()).isEqualTo("2026-11-21T10:00:00Z");
    if (type == ArticleType.EXPLAINER) {
      assertThat(data.path("genre").asText()).isEqualTo("Explainer");
    }
  }

  @Test
  void textOfTheNewsroomCannotEndTheScriptElement() {
    var response = site.get("/articles/news");
    String script =
        response.body().substring(response.body().indexOf("<script type=\"application/ld+json\">"));
    script = script.substring(0, script.indexOf("</script>"));
    assertThat(script).doesNotContain("<!--").contains("\\u003c/script\\u003e");
  }

  @Test
  void articlesCarryOpenGraphAndTwitterTags() {
    Document page = page("/articles/opinion");
    assertThat(meta(page, "og:type")).isEqualTo("article");
    assertThat(meta(page, "og:title"))
        .isEqualTo("Harbour opinion </script><!" + EN_DASH + " headline");
    assertThat(meta(page, "og:description")).isEqualTo("The harbour board met.");
    assertThat(meta(page, "og:url")).isEqualTo(BASE + "/articles/opinion");
    assertThat(meta(page, "og:image")).startsWith(BASE + "/media/");
    assertThat(meta(page, "og:image:alt")).isEqualTo("An empty quay.");
    assertThat(meta(page, "article:published_time")).isEqualTo("2026-11-20T08:30:00Z");
    assertThat(meta(page, "article:modified_time")).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(meta(page, "article:section")).isEqualTo("Business");
    assertThat(page.select("meta[property=article:tag]").eachAttr("content"))
        .containsExactly("ferries", "harbour");
    assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
    assertThat(meta(page, "twitter:title"))
        .isEqualTo("Harbour opinion </script><!" + EN_DASH + " headline");
    assertThat(meta(page, "twitter:image")).startsWith(BASE + "/media/");
    assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo(BASE + "/articles/opinion");
  }

  @Test
  void frontSectionAndAuthorPagesDescribeTheSiteAndThemselves() throws IOException {
    JsonNode front = jsonLd(page("/")).path("@graph");
    assertThat(front.get(0).path("@type").asText()).isEqualTo("WebSite");
    assertThat(front.get(0).path("url").asText()).isEqualTo(BASE + "/");
    assertThat(front.get(0).path("publisher").path("@type").asText())
        .isEqualTo("NewsMediaOrganization");
    assertThat(front.get(0).at("/potentialAction/@type").asText()).isEqualTo("SearchAction");
    assertThat(front.get(0).at("/potentialAction/target/urlTemplate").asText())
        .isEqualTo(BASE + "/search?q={search_term_string}");
    assertThat(front.get(1).path("@type").asText()).isEqualTo("CollectionPage");

    JsonNode section = jsonLd(page("/section/business")).path("@graph");
    assertThat(section.get(1).path("@type").asText()).isEqualTo("CollectionPage");
    assertThat(section.get(1).path("url").asText()).isEqualTo(BASE + "/section/business");

    Document authorPage = page("/author/ada-quill");
    JsonNode author = jsonLd(authorPage).path("@graph").get(1);
    assertThat(author.path("@type").asText()).isEqualTo("ProfilePage");
    assertThat(author.path("mainEntity").path("@type").asText()).isEqualTo("Person");
    assertThat(author.path("mainEntity").path("name").asText()).isEqualTo("Ada Quill");
    assertThat(author.path("mainEntity").path("url").asText())
        .isEqualTo(BASE + "/author/ada-quill");
    assertThat(meta(authorPage, "og:type")).isEqualTo("website");
    assertThat(meta(authorPage, "twitter:card")).isEqualTo("summary");
  }
}
