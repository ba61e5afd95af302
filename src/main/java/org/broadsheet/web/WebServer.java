package org.broadsheet.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP server: Javalin on Jetty 12, the routes the features hand in, friendly error pages that
 * never show a stack trace, and a graceful stop that lets requests in flight finish.
 *
 * <p>Threads: Jetty's selectors and acceptors, and the hot path answering cached pages, run on a
 * small pool of platform threads; everything that may block (catching up with changes, rendering,
 * writing comments) runs on virtual threads, and renders pass a {@link RenderGate}. A render never
 * holds a thread the hot path needs, so cached pages stay fast while misses queue.
 */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  public static final String REQUEST_ID = "requestId";
  private static final String CLIENT = "broadsheet.client";
  private static final String OWN_PAGE = "broadsheet.ownErrorPage";
  private static final long STOP_TIMEOUT_MILLIS = 10_000;
  private static final long DRAIN_QUIET_MILLIS = 100;
  private static final long DRAIN_MAX_MILLIS = 2_000;

  /** Largest request body accepted (a comment form is far smaller). */
  public static final long MAX_REQUEST_BYTES = 1024 * 1024;

  /** How long a render waits for its turn before the request is shed. */
  private static final long MAX_RENDER_WAIT_MILLIS = 10_000;

  /**
   * How many pages render at once and how many more may wait.
   *
   * @param maxRenders renders at once; by default one per core but one, so a core is always free
   *     for the threads that answer cached pages
   * @param maxQueued renders waiting beyond which a request is answered 503 with Retry-After
   */
  public record Limits(int maxRenders, int maxQueued) {
    public static Limits forThisMachine() {
      return new Limits(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 64);
    }
  }

  private final Templates templates;
  private final Assets assets;
  private final Supplier<Layout> layout;
  private final List<Consumer<RoutesConfig>> features;
  private final PageCache pages;
  private final Freshness freshness;
  private final Supplier<WebPolicy> policy;
  private final PrometheusMeterRegistry metrics;
  private final Limits limits;
  private final RenderGate gate;
  private final AtomicReference<PageAddressFor> addresses = new AtomicReference<>();
  private List<UploadRoute> uploads = List.of();
  private Javalin javalin;
  private volatile boolean draining;
  private final java.util.concurrent.atomic.AtomicLong lastConnection =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

  /** The address reader of one policy, remade when the policy changes. */
  private record PageAddressFor(WebPolicy policy, PageAddress addresses) {}

  /**
   * @param pages the page cache answered in front of Javalin
   * @param freshness checked before every request: changes other processes committed
   * @param policy read on every request; return the same object until settings change
   * @param metrics where every part of the site reports, scraped at /metrics
   */
  public WebServer(
      Templates templates,
      Assets assets,
      Supplier<Layout> layout,
      List<Consumer<RoutesConfig>> features,
      PageCache pages,
      Freshness freshness,
      Supplier<WebPolicy> policy,
      PrometheusMeterRegistry metrics,
      Limits limits) {
    this.templates = templates;
    this.assets = assets;
    this.layout = layout;
    this.features = features;
    this.pages = pages;
    this.freshness = freshness;
    this.policy = policy;
    this.metrics = metrics;
    this.limits = limits;
    this.gate = new RenderGate(limits.maxRenders(), limits.maxQueued(), MAX_RENDER_WAIT_MILLIS);
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
        new PageCache(() -> new CachePolicy(1 << 20, 0, 0, ""), PersonalRequests.NONE),
        Freshness.ALWAYS_FRESH,
        () -> WebPolicy.DEFAULT,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        Limits.forThisMachine());
  }

  /**
   * The routes that take a file in a multipart form; every other route refuses multipart bodies.
   * Call before {@link #start}.
   */
  public WebServer acceptingUploads(List<UploadRoute> routes) {
    this.uploads = List.copyOf(routes);
    return this;
  }

  /**
   * Jetty's queues pad their fields to a cache line and, unless told how many references fill one,
   * ask the JVM through JMX, which starts the platform MBean server and describes every diagnostic
   * command: about 50 ms of every start. Told 16 (4-byte references), the answer Jetty itself falls
   * back to: a wrong guess changes only padding, never behaviour.
   */
  private static void knowTheCacheLine() {
    String property = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(property) == null) {
      System.setProperty(property, "16");
    }
  }

  public void start(String host, int port) {
    knowTheCacheLine();
    QueuedThreadPool threads = new QueuedThreadPool(50, 4);
    threads.setName("http");
    Executor virtual =
        java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("request-", 0).factory());
    threads.setVirtualThreadsExecutor(virtual);
    bindMetrics();
    javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.concurrency.useVirtualThreads = false;
              config.jetty.threadPool = threads;
              config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.http.prefer405over404 = true;
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                    // Javalin attaches its servlet inside the innermost wrapper we install, so
                    // cached pages are answered before Javalin runs.
                    GracefulHandler graceful = new GracefulHandler();
                    // Idle keep-alive connections are closed this soon once stopping, instead of
                    // holding the stop for Jetty's default second.
                    graceful.setShutdownIdleTimeout(DRAIN_QUIET_MILLIS);
                    graceful.setHandler(
                        new CachedPageHandler(
                            pages, freshness, this::addresses, gate, virtual, () -> draining));
                    server.setHandler(graceful);
                    server.setRequestLog(
                        new RequestLog.Collection(
                            new TrafficMetrics(metrics), new AccessLog(policy)));
                  });
              // Our own connector: Javalin adds its default one only after the server has been
              // configured, too late to set it up.
              config.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector network =
                        ZeroCopyEndPoint.connector(server, new HttpConnectionFactory(http));
                    network.setHost(host);
                    network.setPort(port);
                    network.setAcceptedTcpNoDelay(true);
                    network.addEventListener(
                        new org.eclipse.jetty.io.Connection.Listener() {
                          @Override
                          public void onOpened(org.eclipse.jetty.io.Connection connection) {
                            lastConnection.set(System.nanoTime());
                          }
                        });
                    return network;
                  });
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setSendServerVersion(false);
                    http.setSendDateHeader(true);
                  });
              RoutesConfig routes = config.routes;
              routes.before(WebServer::assignRequestId);
              routes.before(ctx -> ctx.attribute(PageCache.STARTED_AT_EPOCH, pages.epoch()));
              routes.before(this::identifyClient);
              routes.before(this::refuseUnreadableBodies);
              routes.after(UnreadBody::discard);
              routes.after(ctx -> MDC.remove(REQUEST_ID));
              routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
              routes.get("/metrics", this::serveMetrics);
              routes.get("/assets/{file}", this::serveAsset);
              features.forEach(feature -> feature.accept(routes));
              routes.error(404, this::notFound);
              routes.error(
                  410,
                  ctx ->
                      errorPage(
                          ctx,
                          410,
                          "No longer published",
                          "What was at this address has been taken down by the newsroom and is no longer published here."));
              routes.error(
                  405,
                  ctx ->
                      errorPage(
                          ctx,
                          405,
                          "Not possible here",
                          "This address does not take that kind of request. If you followed a link or sent a form, please go back and try again."));
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
    javalin.start();
    log.info("Broadsheet is serving on http://{}:{}/", host, javalin.port());
  }

  private PageAddress addresses() {
    WebPolicy current = policy.get();
    PageAddressFor made = addresses.get();
    if (made == null || made.policy() != current) {
      made =
          new PageAddressFor(
              current, new PageAddress(pages.renderedParameters(), current.trackingParameters()));
      addresses.set(made);
    }
    return made.addresses();
  }

  private void bindMetrics() {
    pages.bindMetrics(metrics);
    Gauge.builder("broadsheet_renders_in_flight", gate, RenderGate::inFlight)
        .description("Pages being rendered now")
        .register(metrics);
    Gauge.builder("broadsheet_renders_queued", gate, RenderGate::queued)
        .description("Renders waiting for their turn")
        .register(metrics);
    FunctionCounter.builder("broadsheet_renders_shed", gate, RenderGate::shed)
        .description("Requests answered 503 because too many renders were waiting")
        .register(metrics);
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Stops gracefully. First a short drain: connections the kernel has already queued (requests sent
   * before the stop began) are still accepted and answered, every answer now saying `Connection:
   * close`; once no new connection has come for {@link #DRAIN_QUIET_MILLIS} (at most {@link
   * #DRAIN_MAX_MILLIS}), Jetty stops accepting, lets requests in flight finish (up to 10 seconds)
   * and answers anything else 503.
   */
  public void stop() {
    if (javalin == null) {
      return;
    }
    draining = true;
    long deadline = System.nanoTime() + DRAIN_MAX_MILLIS * 1_000_000;
    try {
      while (System.nanoTime() < deadline
          && System.nanoTime() - lastConnection.get() < DRAIN_QUIET_MILLIS * 1_000_000) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    javalin.stop();
  }

  /** The client as the site sees it: behind trusted proxies, the address they name. */
  public static ClientAddress client(Context ctx) {
    return ctx.attribute(CLIENT) instanceof ClientAddress client
        ? client
        : new ClientAddress(ctx.ip(), ctx.scheme().equals("https"));
  }

  private void identifyClient(Context ctx) {
    WebPolicy current = policy.get();
    ClientAddress client =
        ClientAddress.resolve(
            ctx.req().getRemoteAddr(),
            ctx.req().isSecure(),
            current.trustedProxies(),
            ctx.header("Forwarded"),
            ctx.header("X-Forwarded-For"),
            ctx.header("X-Forwarded-Proto"));
    if (current.httpsSite() && !client.secure()) {
      client = new ClientAddress(client.ip(), true);
    }
    ctx.attribute(CLIENT, client);
  }

  /**
   * A body declared larger than the limit is refused before a byte of it is read. Multipart bodies
   * are refused too: every form of the site but those that take a file is sent URL-encoded, and
   * Jetty's multipart parser, given a malformed body, fails the request after it has been answered.
   * A multipart POST to a route that takes uploads ({@link #acceptingUploads}: the paths its
   * pattern matches, nothing else) checks its own limit and reads its body itself ({@link
   * UploadRoute#read}), never through the servlet's parser; any other body sent there is held to
   * the limit of every route.
   */
  private void refuseUnreadableBodies(Context ctx) {
    boolean multipart = UploadRoute.isMultipart(ctx);
    if (multipart
        && ctx.method() == io.javalin.http.HandlerType.POST
        && uploads.stream().anyMatch(upload -> upload.takes(ctx.path()))) {
      return;
    }
    if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
      throw new HttpResponseException(413, "Too much to send");
    }
    if (multipart) {
      log.warn(
          "Request {} {} refused: a multipart body [request {}]",
          ctx.method(),
          ctx.path(),
          requestId(ctx));
      throw new io.javalin.http.BadRequestResponse("Multipart bodies are not accepted");
    }
  }

  /**
   * Prometheus text, for the addresses `metrics.allowed` names. A request that came through a proxy
   * the site does not trust carries a client address nobody vouches for, so it is refused too.
   */
  private void serveMetrics(Context ctx) {
    WebPolicy current = policy.get();
    ClientAddress client = client(ctx);
    boolean forwardedByStranger =
        (ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null)
            && !current.trustedProxies().contains(ClientAddress.bare(ctx.req().getRemoteAddr()));
    if (forwardedByStranger || !current.metricsAllowed().contains(client.ip())) {
      errorPage(
          ctx,
          403,
          "Not allowed",
          "The site's metrics are only shown to the addresses its operators allow.");
      return;
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
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

  /**
   * Marks an error answer (a 404 for an unsubscribe link not recognised, say) as carrying a page of
   * its own, which the generic error page must not replace.
   */
  public static void keepOwnPage(Context ctx) {
    ctx.attribute(OWN_PAGE, Boolean.TRUE);
  }

  private void notFound(Context ctx) {
    errorPage(
        ctx,
        404,
        "Page not found",
        "We could not find the page you asked for. It may have moved, or the address may be mistyped.");
  }

  private void errorPage(Context ctx, int status, String heading, String message) {
    if (ctx.attribute(OWN_PAGE) != null) {
      return;
    }
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
    if (unreadable(e)) {
      // The client's fault (a cut-off or malformed body), not the site's: one line, no trace.
      log.warn(
          "Request {} {} could not be read [request {}]: {}",
          ctx.method(),
          ctx.path(),
          id,
          rootCause(e).toString());
      errorPage(
          ctx,
          400,
          "Request not understood",
          "The site could not read what your browser sent. Please go back and try again.");
      return;
    }
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

  /** Whether an exception says the request's body could not be parsed. */
  private static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException
          || t instanceof java.io.EOFException
          || t instanceof jakarta.servlet.ServletException
              && t.getMessage() != null
              && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("multipart")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  public static String requestId(Context ctx) {
    Object id = ctx.attribute(REQUEST_ID);
    return id == null ? "-" : id.toString();
  }
}
