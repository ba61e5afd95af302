package org.broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Rendered pages held in memory, bounded by their bytes, each with its gzip and brotli variants
 * made once, an ETag and a Last-Modified time. Features answer pages through {@link #respond};
 * {@link CachedPageHandler} answers the next requests for the same page before Javalin runs. Pages
 * carry tags naming what they show ("article:12", "listing"); a change drops every page whose tags
 * it names.
 */
public final class PageCache {
  /** Every page carries this tag, so a change to what every page shows drops them all. */
  public static final String EVERYTHING = "*";

  static final String STARTED_AT_EPOCH = "broadsheet.cacheEpoch";

  /**
   * One rendered page and its encoded variants, each held off the heap ({@link PageBody}) with its
   * header fields encoded once, so answering it copies nothing.
   */
  public record Page(
      String key,
      HttpField contentType,
      Variant identity,
      Variant gzip,
      Variant brotli,
      String etag,
      Instant lastModified,
      HttpField lastModifiedField,
      Set<String> tags) {

    int weight() {
      return identity.size() + gzip.size() + (brotli == null ? 0 : brotli.size()) + 512;
    }

    /** The variant for a client's Accept-Encoding. */
    Variant variant(String acceptEncoding) {
      return switch (Encodings.choose(acceptEncoding, brotli != null)) {
        case "br" -> brotli;
        case "gzip" -> gzip;
        default -> identity;
      };
    }

    /** Whether the client already holds the current page (If-None-Match, If-Modified-Since). */
    boolean notModified(String ifNoneMatch, String ifModifiedSince) {
      if (ifNoneMatch != null) {
        for (String tag : ifNoneMatch.split(",")) {
          String candidate = tag.trim().replaceFirst("^W/", "");
          if (candidate.equals("*")
              || candidate.equals(identity.etag())
              || candidate.equals(gzip.etag())
              || (brotli != null && candidate.equals(brotli.etag()))) {
            return true;
          }
        }
        return false;
      }
      if (ifModifiedSince != null) {
        try {
          Instant since = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince));
          return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
          return false;
        }
      }
      return false;
    }
  }

  /** One encoding of a page: its bytes and the header fields that go with them. */
  record Variant(
      PageBody body,
      String encoding,
      String etag,
      HttpField etagField,
      HttpField encodingField,
      HttpField lengthField) {
    static Variant of(byte[] body, String encoding, String etag) {
      return new Variant(
          PageBody.of(body),
          encoding,
          etag,
          new PreEncodedHttpField(HttpHeader.ETAG, etag),
          encoding == null ? null : new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, encoding),
          new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length)));
    }

    int size() {
      return body.size();
    }

    byte[] array() {
      byte[] copy = new byte[body.size()];
      body.view().get(copy);
      return copy;
    }
  }

  private final Supplier<CachePolicy> policy;
  private final PersonalRequests personal;
  private final PageAddress keys;
  private final PurgeHook purge;
  private final AtomicLong epoch = new AtomicLong();
  private final Cache<String, Page> pages;
  // Read on every cached answer: kept encoded, renewed whenever the cache is invalidated
  // (a change of settings invalidates everything).
  private volatile HttpField cacheControl;

  /**
   * @param personal the requests whose pages are a reader's own, never served from or stored in the
   *     cache
   */
  public PageCache(Supplier<CachePolicy> policy, PersonalRequests personal) {
    this.policy = policy;
    this.personal = personal;
    this.keys = new PageAddress(personal.parameters(), List.of());
    this.purge = new PurgeHook(policy);
    // Caffeine's admission (W-TinyLFU) keeps a page that is read often over a stream of pages read
    // once: a newcomer enters the main space only if it has been asked for more often than the
    // page it would evict, so a crawler or a flood of distinct URLs cannot flush the hot pages.
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(policy.get().maxBytes())
            .weigher((String key, Page page) -> page.weight())
            .recordStats()
            .build();
    this.cacheControl =
        new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, policy.get().cacheControl());
  }

  /**
   * Answers a page that has no later pages: stores it when it is the same for every reader, then
   * sends the right variant. Asked for with a page number other than 1, it is not found.
   */
  public void respond(Context ctx, byte[] body, String contentType, Collection<String> tags) {
    respond(ctx, body, contentType, tags, false);
  }

  /** Answers one page of a listing; its page number is part of its key. */
  public void respondPaged(Context ctx, byte[] body, String contentType, Collection<String> tags) {
    respond(ctx, body, contentType, tags, true);
  }

  private void respond(
      Context ctx, byte[] body, String contentType, Collection<String> tags, boolean paged) {
    String key = cacheable(ctx);
    if (key == null) {
      // This reader's own page (or one made for this request): no shared cache may keep it.
      ctx.header("Cache-Control", "private, no-store");
      ctx.contentType(contentType).result(body);
      return;
    }
    // Shared caches may keep what follows, so nothing personal may go with it (Jetty adds an
    // Expires in the past beside every cookie; it goes too).
    ctx.res().setHeader("Set-Cookie", null);
    ctx.res().setHeader("Expires", null);
    if (!paged && !PageAddress.pageNumber(key).equals("1")) {
      throw new NotFoundResponse();
    }
    Page page = page(key, contentType, body, tags);
    Object started = ctx.attribute(STARTED_AT_EPOCH);
    boolean kept = false;
    // A change that arrived while this page was rendered may not be in it: do not keep it. The
    // second look closes the gap between the first and the put, since invalidate() moves the
    // epoch before it drops pages.
    if (started instanceof Long at && at == epoch.get()) {
      pages.put(page.key(), page);
      kept = epoch.get() == at || !pages.asMap().remove(page.key(), page);
    }
    if (kept) {
      ctx.header("X-Cache", "MISS");
      send(ctx, page, cacheControl.getValue());
    } else {
      // Possibly already out of date: a CDN must not keep it either.
      send(ctx, page, "public, max-age=0, must-revalidate, s-maxage=0");
    }
  }

  Page lookup(String key) {
    return pages.getIfPresent(key);
  }

  long epoch() {
    return epoch.get();
  }

  Set<String> renderedParameters() {
    return personal.parameters();
  }

  /**
   * Whether a request is personal: it carries one of the cookies that make pages a reader's own.
   * The hot path and {@link #respond} ask the same rule, from the same header.
   */
  boolean personal(String cookieHeader) {
    return personal.personal(cookieHeader);
  }

  /** Reports the cache's hits, misses, evictions, entries and bytes. */
  public void bindMetrics(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, pages, "pages");
    Gauge.builder(
            "broadsheet_page_cache_bytes",
            pages,
            cache -> cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L))
        .description("Bytes held by the page cache, every encoded variant counted")
        .baseUnit("bytes")
        .register(registry);
  }

  HttpField cacheControl() {
    return cacheControl;
  }

  /** Drops every page showing one of these tags ({@link #EVERYTHING} drops all). */
  public void invalidate(Collection<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    epoch.incrementAndGet();
    cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, policy.get().cacheControl());
    List<String> dropped = new ArrayList<>();
    boolean all = tags.contains(EVERYTHING);
    pages
        .asMap()
        .entrySet()
        .removeIf(
            entry -> {
              boolean drop = all || entry.getValue().tags().stream().anyMatch(tags::contains);
              if (drop) {
                dropped.add(entry.getKey());
              }
              return drop;
            });
    purge.purge(dropped, all);
  }

  /** The key a page is kept under, or null when this request's page is not to be shared. */
  private String cacheable(Context ctx) {
    String method = ctx.method().name();
    if (!(method.equals("GET") || method.equals("HEAD")) || ctx.statusCode() != 200) {
      return null;
    }
    if (personal.personal(ctx.header("Cookie"))) {
      return null;
    }
    return keys.read(ctx.path(), ctx.queryString()) instanceof PageAddress.Reading.Key key
        ? key.key()
        : null;
  }

  private static Page page(String key, String contentType, byte[] body, Collection<String> tags) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String etag = etag(body);
    byte[] brotli = Encodings.brotli(body);
    return new Page(
        key,
        new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType),
        Variant.of(body, null, "\"" + etag + "\""),
        Variant.of(Encodings.gzip(body), "gzip", "\"" + etag + "-gz\""),
        brotli == null ? null : Variant.of(brotli, "br", "\"" + etag + "-br\""),
        etag,
        now,
        new PreEncodedHttpField(
            HttpHeader.LAST_MODIFIED,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC))),
        Set.copyOf(tags));
  }

  private void send(Context ctx, Page page, String cacheControl) {
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Vary", "Accept-Encoding");
    ctx.header("Last-Modified", page.lastModifiedField().getValue());
    Variant variant = page.variant(ctx.header("Accept-Encoding"));
    ctx.header("ETag", variant.etag());
    if (page.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
      ctx.status(304);
      return;
    }
    if (variant.encoding() != null) {
      ctx.header("Content-Encoding", variant.encoding());
    }
    ctx.header("Content-Length", Integer.toString(variant.size()));
    ctx.contentType(page.contentType().getValue()).result(variant.array());
  }

  private static String etag(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
