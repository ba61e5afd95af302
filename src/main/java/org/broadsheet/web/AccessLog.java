package org.broadsheet.web;

import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, cached answers included, on the logger "access" (standard output by
 * default): time, client address (as {@link ClientAddress} resolves it behind trusted proxies),
 * method, path with the names of its query parameters but none of their values (they can hold
 * tokens and email addresses), status, bytes sent, duration and whether the page cache answered.
 * Off when `web.access_log` is false.
 */
final class AccessLog implements RequestLog {
  private static final Logger access = LoggerFactory.getLogger("access");

  private final Supplier<WebPolicy> policy;

  AccessLog(Supplier<WebPolicy> policy) {
    this.policy = policy;
  }

  @Override
  public void log(Request request, Response response) {
    WebPolicy current = policy.get();
    if (!current.accessLog() || !access.isInfoEnabled()) {
      return;
    }
    long micros = (System.nanoTime() - request.getBeginNanoTime()) / 1000;
    String cache = response.getHeaders().get("X-Cache");
    access.info(
        "{} client={} method={} path={} status={} bytes={} ms={}.{} cache={}",
        Instant.ofEpochMilli(Request.getTimeStamp(request)),
        client(request, current).ip(),
        request.getMethod(),
        pathWithoutValues(request),
        response.getStatus(),
        Response.getContentBytesWritten(response),
        micros / 1000,
        String.format("%03d", micros % 1000),
        cache == null ? "-" : cache.toLowerCase(java.util.Locale.ROOT));
  }

  static ClientAddress client(Request request, WebPolicy policy) {
    var headers = request.getHeaders();
    return ClientAddress.resolve(
        Request.getRemoteAddr(request),
        request.isSecure(),
        policy.trustedProxies(),
        headers.get(HttpHeader.FORWARDED),
        headers.get(HttpHeader.X_FORWARDED_FOR),
        headers.get(HttpHeader.X_FORWARDED_PROTO));
  }

  /** "/tag/x?page=&utm_source=": the path and the names of the query's parameters. */
  static String pathWithoutValues(Request request) {
    String path = request.getHttpURI().getPath();
    String query = request.getHttpURI().getQuery();
    if (query == null || query.isEmpty()) {
      return path;
    }
    StringBuilder line = new StringBuilder(path).append('?');
    String[] pairs = query.split("&");
    for (int i = 0; i < pairs.length && i < 20; i++) {
      int equals = pairs[i].indexOf('=');
      String name = equals < 0 ? pairs[i] : pairs[i].substring(0, equals);
      if (i > 0) {
        line.append('&');
      }
      line.append(name.length() > 40 ? name.substring(0, 40) : name).append('=');
    }
    return line.toString().replaceAll("[\\s\"]", "_");
  }
}
