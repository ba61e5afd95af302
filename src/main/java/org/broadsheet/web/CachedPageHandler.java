package org.broadsheet.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The hot path: a Jetty handler in front of Javalin that answers cached pages straight from memory,
 * with no database query, no template and none of Javalin's per-request machinery. It is
 * non-blocking, so Jetty runs it on the (platform) thread that read the request. Addresses spelled
 * other than canonically are redirected here too, so they never render or take cache room.
 * Everything else goes to a virtual thread: a miss, or a request that arrives after a change
 * elsewhere, which catches up with the change first, so a page dropped by a change is never served
 * after the change was acknowledged. Renders pass the {@link RenderGate}; the surplus of a flood is
 * answered 503 at once.
 */
final class CachedPageHandler extends Handler.Wrapper {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CachedPageHandler.class);
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  // Tells operators (and tests) which answers came from memory.
  static final HttpField HIT = new PreEncodedHttpField("X-Cache", "HIT");
  private static final HttpField REDIRECT_CACHE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=86400");
  private static final HttpField NO_STORE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
  private static final HttpField RETRY_AFTER = new PreEncodedHttpField(HttpHeader.RETRY_AFTER, "5");
  private static final HttpField HTML =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
  private static final ByteBuffer BUSY =
      ByteBuffer.wrap(
              """
              <!doctype html>
              <html lang="en"><head><meta charset="utf-8"><title>Busy</title>
              <meta name="viewport" content="width=device-width, initial-scale=1"></head>
              <body><main><h1>The site is very busy</h1>
              <p>So many pages are being asked for that this one could not be made just now.
              Please try again in a few seconds.</p></main></body></html>
              """
                  .getBytes(StandardCharsets.UTF_8))
          .asReadOnlyBuffer();

  private static final int RENDER_WAIT_SECONDS = 5;

  private final PageCache cache;
  private final Freshness freshness;
  private final Supplier<PageAddress> addresses;
  private final RenderGate gate;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> rendering =
      new ConcurrentHashMap<>();
  private final Executor workers;
  private final java.util.function.BooleanSupplier draining;

  /**
   * @param workers runs what may block (catching up, rendering): virtual threads
   */
  CachedPageHandler(
      PageCache cache,
      Freshness freshness,
      Supplier<PageAddress> addresses,
      RenderGate gate,
      Executor workers,
      java.util.function.BooleanSupplier draining) {
    this.draining = draining;
    this.cache = cache;
    this.freshness = freshness;
    this.addresses = addresses;
    this.gate = gate;
    this.workers = workers;
  }

  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (draining.getAsBoolean()) {
      // Stopping: answer, then let the client open its next request elsewhere.
      response.getHeaders().put(HttpFields.CONNECTION_CLOSE);
    }
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (!head && !HttpMethod.GET.is(method)) {
      workers.execute(() -> pass(request, response, callback));
      return true;
    }
    HttpURI uri = request.getHttpURI();
    PageAddress.Reading reading = addresses.get().read(uri.getPath(), uri.getQuery());
    if (reading instanceof PageAddress.Reading.Redirect redirect) {
      redirect(response, callback, redirect.location());
      return true;
    }
    String key =
        reading instanceof PageAddress.Reading.Key cacheKey
                && !cache.personal(request.getHeaders().get(HttpHeader.COOKIE))
            ? cacheKey.key()
            : null;
    if (key != null && !freshness.behind()) {
      PageCache.Page page = cache.lookup(key);
      if (page != null) {
        send(request, response, callback, page, head);
        return true;
      }
    }
    workers.execute(() -> renderOnWorker(request, response, callback, key, head));
    return true;
  }

  /** A request that changes something (a comment): Javalin answers it once caught up. */
  private void pass(Request request, Response response, Callback callback) {
    catchUp();
    forward(request, response, callback);
  }

  private void renderOnWorker(
      Request request, Response response, Callback callback, String key, boolean head) {
    catchUp();
    if (ungated(request.getHttpURI().getPath())) {
      forward(request, response, callback);
      return;
    }
    if (key == null) {
      gated(request, response, callback);
      return;
    }
    // When a hot page was just dropped, the readers asking for it meanwhile wait for one
    // rendering instead of each rendering it again.
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> other = rendering.putIfAbsent(key, mine);
    if (other == null) {
      try {
        gated(request, response, callback);
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
      gated(request, response, callback);
    }
  }

  /**
   * Answers that render nothing (health checks, metrics, fingerprinted files and pictures) do not
   * wait behind page renders, so a load balancer's health check and a page's pictures stay quick
   * during a flood.
   */
  private static boolean ungated(String path) {
    return path.equals("/healthz")
        || path.equals("/metrics")
        || path.startsWith("/assets/")
        || path.startsWith("/media/");
  }

  private void catchUp() {
    try {
      freshness.catchUp();
    } catch (RuntimeException e) {
      // While behind, every request skips the cache and is rendered from the database, so the
      // reader still gets a current page; the next request tries to catch up again.
      log.warn("Could not catch up with changes; answering from the database: {}", e.toString());
    }
  }

  /** Renders through Javalin within the render gate, or sheds the request with a 503. */
  private void gated(Request request, Response response, Callback callback) {
    try (RenderGate.Permit permit = gate.enter()) {
      if (permit == null) {
        busy(response, callback);
        return;
      }
      forward(request, response, callback);
    }
  }

  private void forward(Request request, Response response, Callback callback) {
    // Javalin answers HEAD for a GET route with an empty 200; asking for GET runs the real
    // handler, and Jetty still sends no body to a HEAD request.
    Request asked =
        HttpMethod.HEAD.is(request.getMethod())
            ? new Request.Wrapper(request) {
              @Override
              public String getMethod() {
                return HttpMethod.GET.asString();
              }
            }
            : request;
    try {
      if (!super.handle(asked, response, callback)) {
        Response.writeError(request, response, callback, 404);
      }
    } catch (Throwable failure) {
      if (response.isCommitted()) {
        log.warn("Request {} failed after its answer began: {}", uri(request), failure.toString());
        callback.failed(failure);
      } else {
        log.error("Request {} failed before Javalin could answer it", uri(request), failure);
        Response.writeError(request, response, callback, 500);
      }
    }
  }

  private static String uri(Request request) {
    return request.getHttpURI().getPath();
  }

  private static void redirect(Response response, Callback callback, String location) {
    response.setStatus(301);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.LOCATION, location);
    headers.put(REDIRECT_CACHE);
    headers.put(HttpHeader.CONTENT_LENGTH, 0L);
    response.write(true, null, callback);
  }

  private static void busy(Response response, Callback callback) {
    response.setStatus(503);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(RETRY_AFTER);
    headers.put(NO_STORE);
    headers.put(HTML);
    headers.put(HttpHeader.CONTENT_LENGTH, BUSY.remaining());
    response.write(true, BUSY.slice(), callback);
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
    if (head) {
      response.write(true, null, callback);
      return;
    }
    ByteBuffer content = variant.body().view();
    if (variant.body().inFile()
        && request.getConnectionMetaData().getConnection().getEndPoint()
            instanceof ZeroCopyEndPoint endPoint) {
      endPoint.sendFromFile(content, variant.body());
    }
    response.write(true, content, callback);
  }
}
