package org.broadsheet.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The hot path: a Jetty handler in front of Javalin that answers cached pages straight from memory,
 * with no database query, no template and none of Javalin's per-request machinery. It is
 * non-blocking, so Jetty runs it on the thread that read the request; everything else (a miss, or a
 * request that arrives after a change elsewhere) goes to a worker thread, which catches up with the
 * change first, so a page dropped by a change is never served after the change was acknowledged.
 */
final class CachedPageHandler extends Handler.Wrapper {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CachedPageHandler.class);
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  // Tells operators (and tests) which answers came from memory.
  static final HttpField HIT = new PreEncodedHttpField("X-Cache", "HIT");

  private static final int RENDER_WAIT_SECONDS = 5;

  private final PageCache cache;
  private final Freshness freshness;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> rendering =
      new ConcurrentHashMap<>();
  private final Executor workers;

  CachedPageHandler(PageCache cache, Freshness freshness, Executor workers) {
    this.cache = cache;
    this.freshness = freshness;
    this.workers = workers;
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (!freshness.behind() && (head || HttpMethod.GET.is(method)) && !personal(request)) {
      PageCache.Page page =
          cache.lookup(
              PageCache.key(request.getHttpURI().getPath(), request.getHttpURI().getQuery()));
      if (page != null) {
        send(request, response, callback, page, head);
        return true;
      }
    }
    workers.execute(() -> handleOnWorker(request, response, callback));
    return true;
  }

  private void handleOnWorker(Request request, Response response, Callback callback) {
    try {
      freshness.catchUp();
    } catch (RuntimeException e) {
      // While behind, every request skips the cache and is rendered from the database, so the
      // reader still gets a current page; the next request tries to catch up again.
      log.warn("Could not catch up with changes; answering from the database: {}", e.toString());
    }
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (!(head || HttpMethod.GET.is(method)) || personal(request)) {
      render(request, response, callback);
      return;
    }
    // When a hot page was just dropped, the readers asking for it meanwhile wait for one
    // rendering instead of each rendering it again.
    String key = PageCache.key(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> other = rendering.putIfAbsent(key, mine);
    if (other == null) {
      try {
        render(request, response, callback);
      } finally {
        rendering.remove(key, mine);
        mine.complete(null);
      }
      return;
    }
    try {
      other.get(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Render it here, then.
    }
    PageCache.Page page = freshness.behind() ? null : cache.lookup(key);
    if (page != null) {
      send(request, response, callback, page, head);
    } else {
      render(request, response, callback);
    }
  }

  private void render(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, 404);
      }
    } catch (Throwable failure) {
      log.error(
          "Request {} failed before Javalin could answer it",
          request.getHttpURI().getPath(),
          failure);
      Response.writeError(request, response, callback, 500);
    }
  }

  private boolean personal(Request request) {
    String cookies = request.getHeaders().get(HttpHeader.COOKIE);
    if (cookies == null) {
      return false;
    }
    for (String name : cache.personalCookies()) {
      if (cookies.contains(name + "=")) {
        return true;
      }
    }
    return false;
  }

  private void send(
      Request request, Response response, Callback callback, PageCache.Page page, boolean head) {
    HttpFields requestHeaders = request.getHeaders();
    PageCache.Variant variant = page.variant(requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(cache.cacheControl());
    headers.put(VARY);
    headers.put(HIT);
    headers.put(page.lastModifiedField());
    headers.put(variant.etagField());
    if (page.notModified(
        requestHeaders.get(HttpHeader.IF_NONE_MATCH),
        requestHeaders.get(HttpHeader.IF_MODIFIED_SINCE))) {
      response.setStatus(304);
      response.write(true, null, callback);
      return;
    }
    response.setStatus(200);
    headers.put(page.contentType());
    if (variant.encodingField() != null) {
      headers.put(variant.encodingField());
    }
    headers.put(variant.lengthField());
    response.write(true, head ? null : variant.slice(), callback);
  }
}
