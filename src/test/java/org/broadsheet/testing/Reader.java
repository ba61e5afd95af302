package org.broadsheet.testing;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A reader with a browser's memory: cookies kept between requests, forms posted from the page. */
public final class Reader {
  private final UnaryOperator<String> url;
  private final HttpClient http;

  public Reader(TestSite site) {
    this(site::url, null, null);
  }

  /**
   * A reader of the site at this address (say a proxy in front of its nodes), whose connections
   * come from the given local address: any of 127.0.0.0/8 on Linux, so one machine can play readers
   * at different addresses.
   */
  public Reader(String baseUrl, InetAddress from) {
    this(path -> baseUrl + path, from, null);
  }

  /** As {@link #Reader(String, InetAddress)}, over HTTPS with this TLS context. */
  public Reader(String baseUrl, InetAddress from, SSLContext tls) {
    this(path -> baseUrl + path, from, tls);
  }

  private Reader(UnaryOperator<String> url, InetAddress from, SSLContext tls) {
    this.url = url;
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (from != null) {
      http.localAddress(from);
    }
    if (tls != null) {
      http.sslContext(tls);
    }
    this.http = http.build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url.apply(path))).GET().build());
  }

  public Document page(String path) {
    return Jsoup.parse(get(path).body(), url.apply(path));
  }

  /**
   * Opens the article and posts its comment form with these fields added to the page's own hidden
   * fields, from the article page as a browser would (Origin header).
   */
  public HttpResponse<String> comment(String articlePath, Map<String, String> fields) {
    return comment(articlePath, fields, Map.of());
  }

  /** Posts a comment as {@link #comment(String, Map)} does, with these headers added. */
  public HttpResponse<String> comment(
      String articlePath, Map<String, String> fields, Map<String, String> headers) {
    Document page =
        page(
            articlePath
                + (fields.containsKey("replyto") ? "?replyto=" + fields.get("replyto") : ""));
    Map<String, String> form = new LinkedHashMap<>();
    page.select("form.comment-form input[type=hidden]")
        .forEach(input -> form.put(input.attr("name"), input.attr("value")));
    fields.forEach(
        (name, value) -> {
          if (!name.equals("replyto")) {
            form.put(name, value);
          }
        });
    Map<String, String> sent = new LinkedHashMap<>(headers);
    sent.put("Origin", url.apply(""));
    return post(articlePath + "/comments", form, sent);
  }

  /** A form as a browser sends it: application/x-www-form-urlencoded. */
  public static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public HttpResponse<String> post(
      String path, Map<String, String> form, Map<String, String> headers) {
    String body = formBody(form);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.apply(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return Http.send(http, request, HttpResponse.BodyHandlers.ofString());
  }
}
