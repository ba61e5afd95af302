package org.broadsheet.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes a {@link Feed} as RSS 2.0 or Atom 1.0 (made by ROME) or as JSON Feed 1.1 (Jackson). */
final class FeedWriter {
  private static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FeedWriter() {}

  static byte[] write(Feed feed, FeedFormat format) {
    return switch (format) {
      case RSS -> rome(feed, format, "rss_2.0");
      case ATOM -> rome(feed, format, "atom_1.0");
      case JSON -> json(feed);
    };
  }

  private static byte[] rome(Feed feed, FeedFormat format, String type) {
    boolean atom = format == FeedFormat.ATOM;
    SyndFeed out = new SyndFeedImpl();
    out.setFeedType(type);
    out.setEncoding("UTF-8");
    out.setTitle(feed.title());
    out.setDescription(feed.description());
    out.setLanguage(feed.language());
    out.setUri(feed.url(format));
    out.setLink(feed.homeUrl());
    out.setPublishedDate(Date.from(feed.updated()));
    if (atom) {
      out.setLinks(List.of(link("alternate", feed.homeUrl(), "text/html"), self(feed, format)));
    } else {
      // RSS has no link to itself; feed validators ask for Atom's.
      Element self = new Element("link", Namespace.getNamespace("atom", ATOM_NAMESPACE));
      self.setAttribute("href", feed.url(format));
      self.setAttribute("rel", "self");
      self.setAttribute("type", format.mediaType);
      out.setForeignMarkup(new ArrayList<>(List.of(self)));
    }
    List<SyndEntry> entries = new ArrayList<>();
    for (Feed.Entry entry : feed.entries()) {
      SyndEntry item = new SyndEntryImpl();
      if (atom) {
        item.setUri(entry.id());
      }
      // RSS without a separate id gives the link as the guid, marked as a permalink.
      item.setLink(entry.url());
      item.setTitle(entry.headline());
      SyndContent summary = new SyndContentImpl();
      summary.setType(atom ? "text" : "text/plain");
      summary.setValue(entry.summary());
      item.setDescription(summary);
      if (entry.contentHtml() != null) {
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(entry.contentHtml());
        item.setContents(List.of(content));
      }
      List<String> names = entry.bylines().stream().map(Feed.Byline::name).toList();
      if (atom) {
        List<SyndPerson> authors = new ArrayList<>();
        for (Feed.Byline byline : entry.bylines()) {
          SyndPerson author = new SyndPersonImpl();
          author.setName(byline.name());
          author.setUri(byline.url());
          authors.add(author);
        }
        item.setAuthors(authors);
      } else if (!names.isEmpty()) {
        // RSS's own author element must be an email address: bylines go in dc:creator.
        ((DCModule) item.getModule(DCModule.URI)).setCreators(names);
      }
      List<SyndCategory> categories = new ArrayList<>();
      for (String name : entry.categories()) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        categories.add(category);
      }
      item.setCategories(categories);
      item.setPublishedDate(Date.from(entry.published()));
      item.setUpdatedDate(Date.from(entry.updated()));
      if (entry.enclosure() != null) {
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(entry.enclosure().url());
        enclosure.setType(entry.enclosure().type());
        enclosure.setLength(entry.enclosure().length());
        item.setEnclosures(List.of(enclosure));
      }
      entries.add(item);
    }
    out.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(out).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("Could not write the feed " + feed.url(format), e);
    }
  }

  private static SyndLink self(Feed feed, FeedFormat format) {
    return link("self", feed.url(format), format.mediaType);
  }

  private static SyndLink link(String rel, String href, String type) {
    SyndLink link = new SyndLinkImpl();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }

  /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
  private static byte[] json(Feed feed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", "https://jsonfeed.org/version/1.1");
    out.put("title", feed.title());
    out.put("home_page_url", feed.homeUrl());
    out.put("feed_url", feed.url(FeedFormat.JSON));
    out.put("description", feed.description());
    out.put("language", feed.language());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Feed.Entry entry : feed.entries()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", entry.id());
      item.put("url", entry.url());
      item.put("title", entry.headline());
      item.put("summary", entry.summary());
      if (entry.contentHtml() != null) {
        item.put("content_html", entry.contentHtml());
      } else {
        item.put("content_text", entry.summary());
      }
      if (entry.enclosure() != null) {
        item.put("image", entry.enclosure().url());
      }
      item.put("date_published", rfc3339(entry.published()));
      item.put("date_modified", rfc3339(entry.updated()));
      if (!entry.bylines().isEmpty()) {
        item.put(
            "authors",
            entry.bylines().stream()
                .map(
                    byline -> {
                      Map<String, String> author = new LinkedHashMap<>();
                      author.put("name", byline.name());
                      author.put("url", byline.url());
                      return author;
                    })
                .toList());
      }
      item.put("tags", entry.categories());
      items.add(item);
    }
    out.put("items", items);
    try {
      return JSON.writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the feed " + feed.url(FeedFormat.JSON), e);
    }
  }

  private static String rfc3339(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }
}
