package org.broadsheet.icon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The icons the site draws, the manifest naming them, and the links to them in every page. */
class IconsTest {
  private static HttpResponse<byte[]> fetch(TestSite site, String path, String contentType) {
    HttpResponse<byte[]> response = site.getBytes(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .as(path)
        .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
    return response;
  }

  private static BufferedImage picture(byte[] bytes) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void theIconsAreDrawnAtTheirSizes() throws Exception {
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      for (int size : new int[] {192, 512}) {
        BufferedImage icon = picture(fetch(site, "/icon-" + size + ".png", "image/png").body());
        assertThat(icon.getWidth()).isEqualTo(size);
        assertThat(icon.getHeight()).isEqualTo(size);
        // The accent colour in the corner, the paper colour of the letter in its stem.
        assertThat(icon.getRGB(2, 2) & 0xffffff).isEqualTo(0xa1122b);
        assertThat(icon.getRGB(size * 35 / 100, size / 2) & 0xffffff).isEqualTo(0xfdfcf8);
      }

      byte[] ico = fetch(site, "/favicon.ico", "image/x-icon").body();
      ByteBuffer header = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
      assertThat(header.getShort(0)).isZero();
      assertThat(header.getShort(2)).isEqualTo((short) 1);
      int count = header.getShort(4);
      assertThat(count).isEqualTo(3);
      for (int i = 0; i < count; i++) {
        int entry = 6 + 16 * i;
        int size = Byte.toUnsignedInt(ico[entry]);
        int length = header.getInt(entry + 8);
        int offset = header.getInt(entry + 12);
        BufferedImage picture = picture(Arrays.copyOfRange(ico, offset, offset + length));
        assertThat(picture.getWidth()).isEqualTo(size);
      }

      byte[] svg = fetch(site, "/favicon.svg", "image/svg+xml").body();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      org.w3c.dom.Document drawing =
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
      assertThat(drawing.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(drawing.getElementsByTagName("path").getLength()).isEqualTo(1);
    }
  }

  @Test
  void theManifestNamesTheSiteAndItsIcons() throws Exception {
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      site.application().settings().set("site.name", "The Kestrelmouth Tide");
      JsonNode manifest =
          new ObjectMapper()
              .readTree(fetch(site, "/manifest.webmanifest", "application/manifest+json").body());
      assertThat(manifest.get("name").asText()).isEqualTo("The Kestrelmouth Tide");
      assertThat(manifest.get("start_url").asText()).isEqualTo("/");
      assertThat(manifest.get("display").asText()).isEqualTo("standalone");
      assertThat(manifest.get("theme_color").asText()).isEqualTo("#a1122b");
      assertThat(manifest.get("background_color").asText()).isEqualTo("#fdfcf8");
      assertThat(manifest.get("icons")).hasSizeGreaterThanOrEqualTo(2);
      for (JsonNode icon : manifest.get("icons")) {
        fetch(site, icon.get("src").asText(), icon.get("type").asText());
      }
    }
  }

  @Test
  void everyPageLinksTheIconsAndTheManifest() {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      for (String path : new String[] {"/", "/section/world", "/no/such/page"}) {
        Document page = Jsoup.parse(site.get(path).body());
        assertThat(page.select("head link[rel=icon][href=/favicon.ico]")).as(path).hasSize(1);
        assertThat(page.select("head link[rel=icon][type=image/svg+xml]")).as(path).hasSize(1);
        assertThat(page.select("head link[rel=apple-touch-icon]")).as(path).hasSize(1);
        assertThat(page.select("head link[rel=manifest]").attr("href"))
            .isEqualTo("/manifest.webmanifest");
      }
      HttpResponse<byte[]> icon = site.getBytes("/icon-192.png");
      String etag = icon.headers().firstValue("etag").orElseThrow();
      assertThat(site.getBytes("/icon-192.png", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }
  }
}
