package org.broadsheet.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP server: Javalin on Jetty 12 with virtual threads, the routes the features hand in,
 * friendly error pages that never show a stack trace, and a graceful stop that lets requests in
 * flight finish.
 */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  public static final String REQUEST_ID = "requestId";
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  private final Templates templates;
  private final Assets assets;
  private final Supplier<Layout> layout;
  private final List<Consumer<RoutesConfig>> features;
  private final PageCache pages;
  private final Freshness freshness;
  private Javalin javalin;

  /**
   * @param pages the page cache answered in front of Javalin
   * @param freshness checked before every request: changes other processes committed
   */
  public WebServer(
      Templates templates,
      Assets assets,
      Supplier<Layout> layout,
      List<Consumer<RoutesConfig>> features,
      PageCache pages,
      Freshness freshness) {
    this.templates = templates;
    this.assets = assets;
    this.layout = layout;
    this.features = features;
    this.pages = pages;
    this.freshness = freshness;
  }

  /** A server without a page cache or other processes to follow (tests of the web layer). */
  public WebServer(
      Templates templates,
      Assets assets,
      Supplier<Layout> layout,
      List<Consumer<RoutesConfig>> features) {
    this(
        templates,
        assets,
        layout,
        features,
        new PageCache(() -> new CachePolicy(1 << 20, 0, 0, ""), java.util.Set.of()),
        Freshness.ALWAYS_FRESH);
  }

  public void start(String host, int port) {
    javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = true;
              config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                    // Javalin attaches its servlet inside the innermost wrapper we install, so
                    // cached pages are answered before Javalin runs.
                    GracefulHandler graceful = new GracefulHandler();
                    graceful.setHandler(
                        new CachedPageHandler(pages, freshness, server.getThreadPool()));
                    server.setHandler(graceful);
                    for (var connector : server.getConnectors()) {
                      if (connector instanceof org.eclipse.jetty.server.ServerConnector network) {
                        network.setAcceptedTcpNoDelay(true);
                      }
                    }
                  });
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setSendServerVersion(false);
                    http.setSendDateHeader(true);
                  });
              RoutesConfig routes = config.routes;
              routes.before(WebServer::assignRequestId);
              routes.before(ctx -> ctx.attribute(PageCache.STARTED_AT_EPOCH, pages.epoch()));
              routes.after(ctx -> MDC.remove(REQUEST_ID));
              routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
              routes.get("/assets/{file}", this::serveAsset);
              features.forEach(feature -> feature.accept(routes));
              routes.error(404, this::notFound);
              routes.error(
                  413,
                  ctx ->
                      errorPage(
                          ctx,
                          413,
                          "Too much to send",
                          "What you sent is larger than this site accepts (1 MB). If you were writing a comment, it is far over the comment length limit: please shorten it and post it again."));
              routes.error(
                  400,
                  ctx ->
                      errorPage(
                          ctx,
                          400,
                          "Request not understood",
                          "The site could not read what your browser sent. Please go back and try again."));
              routes.exception(Exception.class, (e, ctx) -> serverError(e, ctx));
            });
    javalin.start(host, port);
    log.info("Broadsheet is serving on http://{}:{}/", host, javalin.port());
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    if (javalin != null) {
      javalin.stop();
    }
  }

  private static void assignRequestId(Context ctx) {
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
    MDC.put(REQUEST_ID, id);
    ctx.attribute(REQUEST_ID, id);
    ctx.header("X-Request-Id", id);
  }

  private void serveAsset(Context ctx) {
    Assets.Asset asset =
        assets.atUrl(ctx.path()).orElseThrow(() -> new io.javalin.http.NotFoundResponse());
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private void notFound(Context ctx) {
    errorPage(
        ctx,
        404,
        "Page not found",
        "We could not find the page you asked for. It may have moved, or the address may be mistyped.");
  }

  private void errorPage(Context ctx, int status, String heading, String message) {
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(
        templates.render(
            "web/error.jte",
            new ErrorPage(
                layout.get(),
                new PageMeta(heading, message, ctx.path()),
                status,
                heading,
                message,
                requestId(ctx))));
  }

  private void serverError(Exception e, Context ctx) {
    String id = requestId(ctx);
    log.error("Request {} {} failed [request {}]", ctx.method(), ctx.path(), id, e);
    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
    try {
      PageMeta meta = new PageMeta("Something went wrong", "An error occurred.", ctx.path());
      ctx.contentType("text/html; charset=utf-8");
      ctx.result(
          templates.render(
              "web/error.jte",
              new ErrorPage(
                  layout.get(),
                  meta,
                  500,
                  "Something went wrong",
                  "Sorry, this page could not be shown. The error has been logged; please try again in a moment.",
                  id)));
    } catch (RuntimeException failure) {
      log.error("The error page itself failed [request {}]", id, failure);
      ctx.contentType("text/plain; charset=utf-8")
          .result("Something went wrong. Request id: " + id);
    }
  }

  public static String requestId(Context ctx) {
    Object id = ctx.attribute(REQUEST_ID);
    return id == null ? "-" : id.toString();
  }
}
