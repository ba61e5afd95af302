package org.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.media.Image;
import org.broadsheet.web.Layout;
import org.broadsheet.web.MetaTag;
import org.broadsheet.web.PageMeta;

/**
 * What pages tell search engines, aggregators and social networks about themselves: schema.org
 * JSON-LD built with Jackson, and OpenGraph and Twitter card tags. Every address is absolute.
 */
final class StructuredData {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String LOGO = "/icon-512.png";

  private StructuredData() {}

  /** The article's page: its schema.org type, dates, people, pictures, corrections, publisher. */
  static PageMeta article(PageMeta meta, Layout layout, Dateline dates, Article article) {
    String base = layout.baseUrl();
    String url = base + article.path();
    ObjectNode data = JSON.createObjectNode();
    data.put("@context", "https://schema.org");
    data.put("@type", article.type().schemaType());
    data.put("@id", url);
    data.put("url", url);
    data.put("mainEntityOfPage", url);
    data.put("headline", article.headline());
    data.put("description", meta.description());
    data.put("inLanguage", layout.language());
    if (article.type() == ArticleType.EXPLAINER) {
      data.put("genre", "Explainer");
    }
    List<Image> pictures = pictures(article);
    ArrayNode images = pictures.isEmpty() ? JSON.createArrayNode() : data.putArray("image");
    for (Image image : pictures) {
      ObjectNode node = images.addObject();
      node.put("@type", "ImageObject");
      node.put("url", base + image.url());
      node.put("contentUrl", base + image.url());
      node.put("width", image.width());
      node.put("height", image.height());
      if (!image.caption().isBlank()) {
        node.put("caption", image.caption());
      }
      if (!image.credit().isBlank()) {
        node.put("creditText", image.credit());
      }
    }
    data.put("datePublished", dates.iso(article.publishedAt()));
    data.put(
        "dateModified",
        dates.iso(
            article.updatedAt().isAfter(article.publishedAt())
                ? article.updatedAt()
                : article.publishedAt()));
    ArrayNode authors = data.putArray("author");
    for (Author author : article.authors()) {
      authors
          .addObject()
          .put("@type", "Person")
          .put("name", author.name())
          .put("url", base + author.path());
    }
    data.set("publisher", publisher(layout));
    data.put("articleSection", article.section().name());
    ArrayNode keywords = data.putArray("keywords");
    article.tags().forEach(tag -> keywords.add(tag.name()));
    if (!article.dateline().isBlank()) {
      data.put("dateline", article.dateline());
    }
    if (!article.corrections().isEmpty()) {
      ArrayNode corrections = data.putArray("correction");
      for (Correction correction : article.corrections()) {
        corrections
            .addObject()
            .put("@type", "CorrectionComment")
            .put("name", correction.kind().label())
            .put("text", correction.text())
            .put("datePublished", dates.iso(correction.date()))
            .put("url", url + "#correction-" + correction.id());
      }
    }
    List<MetaTag> tags = new ArrayList<>();
    tags.add(MetaTag.property("article:published_time", dates.iso(article.publishedAt())));
    tags.add(MetaTag.property("article:modified_time", data.get("dateModified").asText()));
    tags.add(MetaTag.property("article:section", article.section().name()));
    article.authors().forEach(a -> tags.add(MetaTag.property("article:author", base + a.path())));
    article.tags().forEach(t -> tags.add(MetaTag.property("article:tag", t.name())));
    Image lead = article.leadImage();
    if (lead != null) {
      tags.add(MetaTag.property("og:image", base + lead.url()));
      tags.add(MetaTag.property("og:image:width", Integer.toString(lead.width())));
      tags.add(MetaTag.property("og:image:height", Integer.toString(lead.height())));
      tags.add(MetaTag.property("og:image:alt", lead.altText()));
      tags.add(MetaTag.name("twitter:card", "summary_large_image"));
      tags.add(MetaTag.name("twitter:image", base + lead.url()));
      tags.add(MetaTag.name("twitter:image:alt", lead.altText()));
    } else {
      tags.add(MetaTag.property("og:image", base + LOGO));
    }
    return meta.withSharing("article", tags).withStructuredData(script(data));
  }

  /** The front page: the site, and the page as a collection of its articles. */
  static PageMeta front(PageMeta meta, Layout layout) {
    return collection(meta, layout, "CollectionPage", null);
  }

  /** A section's or tag's page. */
  static PageMeta listing(PageMeta meta, Layout layout) {
    return collection(meta, layout, "CollectionPage", null);
  }

  /** An author's page: a profile of the person. */
  static PageMeta author(PageMeta meta, Layout layout, Author author) {
    ObjectNode person = JSON.createObjectNode();
    person.put("@type", "Person");
    person.put("name", author.name());
    person.put("url", layout.baseUrl() + author.path());
    if (!author.bio().isBlank()) {
      person.put("description", author.bio());
    }
    if (!author.jobTitle().isBlank()) {
      person.put("jobTitle", author.jobTitle());
    }
    if (!author.expertise().isEmpty()) {
      ArrayNode knows = person.putArray("knowsAbout");
      author.expertise().forEach(knows::add);
    }
    if (author.photo() != null) {
      Image photo = author.photo();
      person
          .putObject("image")
          .put("@type", "ImageObject")
          .put("url", layout.baseUrl() + photo.url())
          .put("contentUrl", layout.baseUrl() + photo.url())
          .put("width", photo.width())
          .put("height", photo.height());
    }
    ObjectNode publisher = person.putObject("worksFor");
    publisher.put("@id", layout.baseUrl() + "/#publisher");
    return collection(meta, layout, "ProfilePage", person);
  }

  private static PageMeta collection(
      PageMeta meta, Layout layout, String type, ObjectNode mainEntity) {
    String base = layout.baseUrl();
    ObjectNode data = JSON.createObjectNode();
    data.put("@context", "https://schema.org");
    ArrayNode graph = data.putArray("@graph");
    ObjectNode site = graph.addObject();
    site.put("@type", "WebSite");
    site.put("@id", base + "/#website");
    site.put("name", layout.siteName());
    site.put("description", layout.siteDescription());
    site.put("url", base + "/");
    site.put("inLanguage", layout.language());
    site.set("publisher", publisher(layout));
    ObjectNode search = site.putObject("potentialAction");
    search.put("@type", "SearchAction");
    search
        .putObject("target")
        .put("@type", "EntryPoint")
        .put("urlTemplate", base + "/search?q={search_term_string}");
    search.put("query-input", "required name=search_term_string");
    ObjectNode page = graph.addObject();
    page.put("@type", type);
    page.put("@id", base + meta.canonicalPath());
    page.put("url", base + meta.canonicalPath());
    page.put("name", meta.title());
    page.put("description", meta.description());
    page.putObject("isPartOf").put("@id", base + "/#website");
    if (mainEntity != null) {
      page.set("mainEntity", mainEntity);
    }
    List<MetaTag> tags = List.of(MetaTag.property("og:image", base + LOGO));
    return meta.withSharing("website", tags).withStructuredData(script(data));
  }

  /** The newsroom: its name, address, logo and the pages on which it says how it works. */
  private static ObjectNode publisher(Layout layout) {
    String base = layout.baseUrl();
    ObjectNode publisher = JSON.createObjectNode();
    publisher.put("@type", "NewsMediaOrganization");
    publisher.put("@id", base + "/#publisher");
    publisher.put("name", layout.siteName());
    publisher.put("url", base + "/");
    publisher
        .putObject("logo")
        .put("@type", "ImageObject")
        .put("url", base + LOGO)
        .put("width", 512)
        .put("height", 512);
    Map<String, String> pages = new LinkedHashMap<>(layout.publisherPages());
    pages.forEach((property, path) -> publisher.put(property, base + path));
    return publisher;
  }

  private static List<Image> pictures(Article article) {
    List<Image> pictures = new ArrayList<>();
    if (article.leadImage() != null) {
      pictures.add(article.leadImage());
    }
    for (Image figure : article.figures().values()) {
      if (pictures.stream().noneMatch(p -> p.id() == figure.id())) {
        pictures.add(figure);
      }
    }
    return pictures;
  }

  /**
   * JSON for a script element: every "<" written as its JSON escape, so no text of the newsroom's
   * ("</script>", "<!--") can end the element early; JSON readers see the same string.
   */
  static String script(ObjectNode data) {
    try {
      return JSON.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026")
          .replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
