package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.broadsheet.importer.ImportOutcome;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestNginx;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site behind nginx running the deploy guide's configuration, with readers at different
 * addresses: every address of 127.0.0.0/8 is this machine, so readers connect to nginx from
 * 127.0.0.2 and 127.0.0.3 while nginx reaches the site from 127.0.0.1. With nginx listed in {@code
 * web.trusted_proxies} each reader is known by their own address (rate limits, blocks, the stored
 * address); without it, the forwarded headers are ignored and every reader is the proxy.
 */
class ReverseProxyTest {
  private static final String ARTICLE = "/articles/behind-the-proxy";

  @TempDir Path folder;

  /** A site and nginx in front of it, the site's public address the proxy's. */
  private record Deployment(TestSite site, TestNginx nginx) implements AutoCloseable {
    Reader readerAt(String address) throws UnknownHostException {
      return new Reader(nginx.url(""), InetAddress.getByName(address));
    }

    /** The address stored with the comments of this commenter. */
    List<String> storedAddresses(String name) {
      return site.application()
          .database()
          .read(
              tx ->
                  tx.handle()
                      .createQuery("SELECT DISTINCT ip FROM comment WHERE author_name = :name")
                      .bind("name", name)
                      .mapTo(String.class)
                      .list());
    }

    @Override
    public void close() {
      nginx.close();
      site.close();
    }
  }

  private Deployment behindNginx(Map<String, String> settings) throws IOException {
    return behindNginx(settings, false);
  }

  private Deployment behindNginx(Map<String, String> settings, boolean tls) throws IOException {
    TestSite site = TestSite.open(Engine.SQLITE);
    TestNginx nginx = null;
    try {
      Path story = Stories.withPicture(folder, "behind-the-proxy", Color.ORANGE);
      assertThat(site.application().importer().importFile(story, MarkdownImporter.Existing.UPDATE))
          .isInstanceOf(ImportOutcome.Imported.class);
      set(site, "comments.min_fill_seconds", "0");
      set(site, "comments.rate_per_ip_per_hour", "2");
      settings.forEach((key, value) -> set(site, key, value));
      site.serve();
      nginx =
          tls
              ? TestNginx.withTlsInFrontOf(List.of(site.port()))
              : TestNginx.inFrontOf(List.of(site.port()));
      set(site, "site.base_url", nginx.url(""));
      return new Deployment(site, nginx);
    } catch (RuntimeException | Error e) {
      if (nginx != null) {
        nginx.close();
      }
      site.close();
      throw e;
    }
  }

  private static void set(TestSite site, String key, String value) {
    assertThat(site.application().settings().set(key, value))
        .isInstanceOf(SettingsService.Change.Saved.class);
  }

  private static int comment(Reader reader, String name, int n, Map<String, String> headers) {
    return post(reader, name, n, headers).statusCode();
  }

  private static HttpResponse<String> post(
      Reader reader, String name, int n, Map<String, String> headers) {
    return reader.comment(
        ARTICLE,
        Map.of(
            "name",
            name,
            "email",
            name.toLowerCase().replace(' ', '-') + n + "@example.org",
            "comment",
            "Comment number " + n + " from " + name + "."),
        headers);
  }

  private static List<String> cookies(HttpResponse<String> response) {
    return response.headers().allValues("set-cookie");
  }

  @Test
  void eachReaderBehindTheTrustedProxyHasTheirOwnRateLimit() throws IOException {
    try (Deployment deployment = behindNginx(Map.of("web.trusted_proxies", "127.0.0.1"))) {
      Reader first = deployment.readerAt("127.0.0.2");
      Reader second = deployment.readerAt("127.0.0.3");

      HttpResponse<String> posted = post(first, "First Reader", 1, Map.of());
      assertThat(posted.statusCode()).isEqualTo(303);
      // Plain HTTP all the way: the reader's cookie cannot be Secure.
      assertThat(cookies(posted)).isNotEmpty().noneMatch(cookie -> cookie.contains("Secure"));
      assertThat(comment(first, "First Reader", 2, Map.of())).isEqualTo(303);
      assertThat(comment(first, "First Reader", 3, Map.of())).isEqualTo(429);
      // nginx appends the reader's own address to a forged one; the site takes nginx's word.
      assertThat(comment(first, "First Reader", 4, Map.of("X-Forwarded-For", "198.51.100.7")))
          .isEqualTo(429);
      assertThat(comment(second, "Second Reader", 1, Map.of())).isEqualTo(303);

      assertThat(deployment.storedAddresses("First Reader")).containsExactly("127.0.0.2");
      assertThat(deployment.storedAddresses("Second Reader")).containsExactly("127.0.0.3");
    }
  }

  @Test
  void aReaderWhoReachedTheProxyOverTlsGetsSecureCookies() throws IOException {
    try (Deployment deployment = behindNginx(Map.of("web.trusted_proxies", "127.0.0.1"), true)) {
      // An http:// public address, so that only X-Forwarded-Proto can tell the site about TLS.
      set(deployment.site(), "site.base_url", "http://127.0.0.1:" + deployment.nginx().port());
      Reader reader =
          new Reader(
              deployment.nginx().url(""),
              InetAddress.getByName("127.0.0.2"),
              deployment.nginx().clientTls());

      HttpResponse<String> posted = post(reader, "Careful Reader", 1, Map.of());
      assertThat(posted.statusCode()).isEqualTo(303);
      assertThat(cookies(posted)).isNotEmpty().allMatch(cookie -> cookie.contains("Secure"));
      assertThat(deployment.storedAddresses("Careful Reader")).containsExactly("127.0.0.2");
    }
  }

  @Test
  void aBlockedAddressBehindTheTrustedProxyIsRefusedAndOnlyIt() throws IOException {
    try (Deployment deployment =
        behindNginx(
            Map.of("web.trusted_proxies", "127.0.0.1", "comments.blocked_ips", "127.0.0.2/32"))) {
      assertThat(comment(deployment.readerAt("127.0.0.2"), "Blocked Reader", 1, Map.of()))
          .isEqualTo(422);
      assertThat(comment(deployment.readerAt("127.0.0.3"), "Welcome Reader", 1, Map.of()))
          .isEqualTo(303);
      assertThat(deployment.storedAddresses("Blocked Reader")).isEmpty();
    }
  }

  @Test
  void withoutTheProxyTrustedForwardedAddressesAreIgnored() throws IOException {
    try (Deployment deployment = behindNginx(Map.of())) {
      Reader first = deployment.readerAt("127.0.0.2");
      Reader second = deployment.readerAt("127.0.0.3");

      assertThat(comment(first, "First Reader", 1, Map.of())).isEqualTo(303);
      assertThat(comment(first, "First Reader", 2, Map.of())).isEqualTo(303);
      assertThat(comment(first, "First Reader", 3, Map.of())).isEqualTo(429);
      // To the site both readers are nginx: they share one limit.
      assertThat(comment(second, "Second Reader", 1, Map.of())).isEqualTo(429);
      assertThat(deployment.storedAddresses("First Reader")).containsExactly("127.0.0.1");

      // Sent straight to the site, a forwarded address counts for nothing either.
      Reader direct = new Reader(deployment.site().url(""), InetAddress.getByName("127.0.0.4"));
      assertThat(comment(direct, "Direct Reader", 1, Map.of("X-Forwarded-For", "203.0.113.9")))
          .isEqualTo(303);
      assertThat(deployment.storedAddresses("Direct Reader")).containsExactly("127.0.0.4");
    }
  }
}
