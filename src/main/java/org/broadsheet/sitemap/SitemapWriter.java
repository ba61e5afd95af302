package org.broadsheet.sitemap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sitemaps, the sitemap index and the Google News sitemap with the JDK's XMLStreamWriter,
 * which escapes every text it is given.
 */
final class SitemapWriter {
  static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
  // Characters XML 1.0 cannot carry at all, escaped or not.
  private static final String NOT_XML =
      "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]";

  /** The publication the Google News sitemap names, its language an ISO 639 code. */
  record Publication(String name, String language) {}

  /** One sitemap named by the index. */
  record IndexEntry(String loc, Instant lastModified) {}

  @FunctionalInterface
  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private SitemapWriter() {}

  /**
   * @param publication the publication of a Google News sitemap; null for an ordinary sitemap
   */
  static byte[] urlset(List<SitemapUrl> urls, Publication publication) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(
        out,
        xml -> {
          xml.writeStartDocument("UTF-8", "1.0");
          xml.writeCharacters("\n");
          xml.writeStartElement("urlset");
          xml.writeDefaultNamespace(SITEMAPS);
          if (publication != null) {
            xml.writeNamespace("news", NEWS);
          }
          xml.writeCharacters("\n");
          for (SitemapUrl url : urls) {
            url(xml, url, publication);
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
          xml.writeEndDocument();
        });
    return out.toByteArray();
  }

  static byte[] index(List<IndexEntry> sitemaps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(
        out,
        xml -> {
          xml.writeStartDocument("UTF-8", "1.0");
          xml.writeCharacters("\n");
          xml.writeStartElement("sitemapindex");
          xml.writeDefaultNamespace(SITEMAPS);
          xml.writeCharacters("\n");
          for (IndexEntry sitemap : sitemaps) {
            xml.writeStartElement("sitemap");
            element(xml, "loc", sitemap.loc());
            if (sitemap.lastModified() != null) {
              element(xml, "lastmod", w3c(sitemap.lastModified()));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
          xml.writeEndDocument();
        });
    return out.toByteArray();
  }

  /** Bytes a sitemap takes besides its URLs. */
  static long overhead(Publication publication) {
    return urlset(List.of(), publication).length;
  }

  /** The bytes each URL adds to a sitemap: exactly what {@link #urlset} writes for it. */
  static long[] sizes(List<SitemapUrl> urls, Publication publication) {
    long[] sizes = new long[urls.size()];
    Counter counter = new Counter();
    write(
        counter,
        xml -> {
          for (int i = 0; i < sizes.length; i++) {
            long before = counter.count;
            url(xml, urls.get(i), publication);
            xml.flush();
            sizes[i] = counter.count - before;
          }
        });
    return sizes;
  }

  private static void url(XMLStreamWriter xml, SitemapUrl url, Publication publication)
      throws XMLStreamException {
    xml.writeStartElement("url");
    element(xml, "loc", url.loc());
    if (url.lastModified() != null) {
      element(xml, "lastmod", w3c(url.lastModified()));
    }
    if (publication != null && url.news() != null) {
      xml.writeStartElement("news", "news", NEWS);
      xml.writeStartElement("news", "publication", NEWS);
      news(xml, "name", publication.name());
      news(xml, "language", publication.language());
      xml.writeEndElement();
      news(xml, "publication_date", w3c(url.news().published()));
      news(xml, "title", url.news().title());
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text.replaceAll(NOT_XML, ""));
    xml.writeEndElement();
  }

  private static void news(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement("news", name, NEWS);
    xml.writeCharacters(text.replaceAll(NOT_XML, ""));
    xml.writeEndElement();
  }

  /** W3C datetime, in UTC to the second: 2026-11-26T08:30:00Z. */
  static String w3c(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  private static void write(OutputStream out, Body body) {
    try {
      // A factory is not promised to be safe across threads; the JDK's own is cheap to make.
      XMLStreamWriter xml =
          XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      body.write(xml);
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write a sitemap", e);
    }
  }

  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }
}
