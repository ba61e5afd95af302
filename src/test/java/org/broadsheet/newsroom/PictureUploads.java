package org.broadsheet.newsroom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;

/**
 * Picture files made for the desk's tests, and the library's upload form sent as a browser does.
 */
final class PictureUploads {
  static final String LIBRARY = "/newsroom/pictures";

  private PictureUploads() {}

  /** A picture in one colour. */
  static byte[] plain(Color colour, int width, int height, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG carrying an agency's IPTC credit, by-line and caption. */
  static byte[] fromAnAgency(String credit, String creator, String caption) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JpegIptcRewriter()
        .writeIptc(
            plain(new Color(40, 90, 140), 800, 600, "jpeg"),
            out,
            new PhotoshopApp13Data(
                List.of(
                    new IptcRecord(IptcTypes.CREDIT, credit),
                    new IptcRecord(IptcTypes.BYLINE, creator),
                    new IptcRecord(IptcTypes.CAPTION_ABSTRACT, caption)),
                new ArrayList<>()));
    return out.toByteArray();
  }

  /** Sends the library's upload form with this file, from the library page. */
  static HttpResponse<String> upload(Reader reader, TestSite site, String fileName, byte[] bytes) {
    Map<String, String> hidden = NewsroomTesting.hiddenFields(reader, LIBRARY);
    return reader.send(multipart(site, hidden.getOrDefault("csrf", ""), fileName, bytes));
  }

  static HttpRequest multipart(TestSite site, String csrf, String fileName, byte[] bytes) {
    return multipartTo(site, LIBRARY, csrf, fileName, bytes);
  }

  static HttpRequest multipartTo(
      TestSite site, String path, String csrf, String fileName, byte[] bytes) {
    String boundary = "----picture-desk-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(bytes);
    write(body, "\r\n--" + boundary + "--\r\n");
    return HttpRequest.newBuilder(URI.create(site.url(path)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Origin", site.url(""))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  /**
   * A multipart form with these fields and a file (none when {@code fileName} is null) sent to this
   * path from the site's own page, as a browser sends a form with {@code
   * enctype="multipart/form-data"}.
   */
  static HttpRequest form(
      TestSite site,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] bytes) {
    String boundary = "----editor-form-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().equals(fileField)) {
        continue;
      }
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + field.getKey()
              + "\"\r\n\r\n"
              + field.getValue()
              + "\r\n");
    }
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + (fileName == null ? "" : fileName)
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    if (fileName != null) {
      body.writeBytes(bytes);
    }
    write(body, "\r\n--" + boundary + "--\r\n");
    return HttpRequest.newBuilder(URI.create(site.url(path)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Origin", site.url(""))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  /** A small PNG that declares 50,000 × 50,000 pixels: a decompression bomb. */
  static byte[] bomb(byte[] png) {
    byte[] bomb = png.clone();
    writeInt(bomb, 16, 50_000);
    writeInt(bomb, 20, 50_000);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bomb, 12, 17);
    writeInt(bomb, 29, (int) crc.getValue());
    return bomb;
  }

  private static void writeInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }

  /** A picture with text after it: a polyglot. */
  static byte[] concat(byte[] picture, String text) {
    byte[] more = text.getBytes(StandardCharsets.UTF_8);
    byte[] both = java.util.Arrays.copyOf(picture, picture.length + more.length);
    System.arraycopy(more, 0, both, picture.length, more.length);
    return both;
  }

  /** The upload form's body without its closing boundary, as a connection cut short sends it. */
  static HttpRequest unended(TestSite site, String csrf, String fileName, byte[] bytes) {
    String boundary = "----picture-desk-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(bytes);
    return HttpRequest.newBuilder(URI.create(site.url(LIBRARY)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Origin", site.url(""))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The picture's id from the address an upload sends the browser to. */
  static long uploadedId(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.replaceAll("^/newsroom/pictures/(\\d+)\\?.*$", "$1"));
  }

  /** Rows in a table of the site's database. */
  static long rows(TestSite site, String table) {
    return site.application()
        .database()
        .read(
            tx -> tx.handle().createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  /** Sends a picture's form from its page, with these fields changed. */
  static HttpResponse<String> edit(
      Reader reader, TestSite site, long id, Map<String, String> changes) {
    org.jsoup.nodes.Document page = reader.page(LIBRARY + "/" + id);
    Map<String, String> form = new java.util.LinkedHashMap<>();
    page.select("main form[method=post] input, main form[method=post] textarea")
        .forEach(
            field ->
                form.put(
                    field.attr("name"),
                    field.tagName().equals("textarea") ? field.text() : field.val()));
    form.putAll(changes);
    return reader.post(LIBRARY + "/" + id, form, Map.of("Origin", site.url("")));
  }
}
