package org.broadsheet.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the site reads a page's address, the same way on the hot path and when a page is stored: one
 * canonical spelling of every path, and a cache key that keeps only what selects a page's content.
 * A cached page depends on its path and its `page` number alone; every other query parameter (a
 * share link's `utm_source` or `fbclid`, or anything a client makes up) is ignored for the cache,
 * except the few that make a page personal ({@link #renderedParameters}), which are rendered for
 * each request and never stored.
 */
public final class PageAddress {
  /**
   * Parameters social networks, newsletters and ad platforms add to shared links. They never select
   * content; they are ignored for the cache and dropped from every redirect.
   * `web.tracking_parameters` adds names; a name ending in `*` is a prefix.
   */
  public static final List<String> TRACKING_PARAMETERS =
      List.of(
          "utm_*",
          "fbclid",
          "gclid",
          "gclsrc",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "mc_cid",
          "mc_eid",
          "_ga",
          "_gl",
          "igshid",
          "ref_src",
          "ref_url",
          "yclid",
          "twclid",
          "ttclid",
          "li_fat_id",
          "mkt_tok",
          "_hsenc",
          "_hsmi",
          "oly_anon_id",
          "oly_enc_id",
          "vero_id",
          "rb_clickid",
          "s_cid",
          "ncid",
          "cmpid",
          "ocid",
          "sr_share",
          "at_medium",
          "at_campaign");

  /** What a request's address means for the cache. */
  public sealed interface Reading {
    /** Served from, or stored under, this key. */
    record Key(String key) implements Reading {}

    /** Not spelled canonically: answered with a 301 to this address, never rendered. */
    record Redirect(String location) implements Reading {}

    /** A page rendered for this request alone, never served from or stored in the cache. */
    record Rendered() implements Reading {}
  }

  private static final Reading RENDERED = new Reading.Rendered();

  private final Set<String> renderedParameters;
  private final List<String> tracking;

  /**
   * @param renderedParameters parameters whose pages are made for one reader (a reply form, the
   *     page after posting); such requests skip the cache
   * @param tracking tracking parameter names, `*` ending a prefix
   */
  public PageAddress(Set<String> renderedParameters, List<String> tracking) {
    this.renderedParameters = renderedParameters;
    this.tracking = List.copyOf(tracking);
  }

  /**
   * Reads a request's address.
   *
   * @param rawPath the path as sent, still percent-encoded
   * @param query the raw query string, or null
   */
  public Reading read(String rawPath, String query) {
    String canonical = canonicalPath(rawPath);
    if (canonical != null) {
      String clean = cleanQuery(query);
      return new Reading.Redirect(clean.isEmpty() ? canonical : canonical + "?" + clean);
    }
    if (query == null || query.isEmpty()) {
      return new Reading.Key(rawPath);
    }
    String page = null;
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (renderedParameters.contains(name)) {
        return RENDERED;
      }
      if (name.equals("page")) {
        page = equals < 0 ? "" : pair.substring(equals + 1);
      }
    }
    // page=1 is the page itself; any other value is part of the key, so a listing's later pages
    // are kept apart and a page that does not exist is a miss the handler answers with 404.
    return new Reading.Key(page == null || page.equals("1") ? rawPath : rawPath + "?page=" + page);
  }

  /** The page number a request asks for: 1 when it names none. */
  public static String pageNumber(String key) {
    int at = key.indexOf("?page=");
    return at < 0 ? "1" : key.substring(at + "?page=".length());
  }

  /**
   * The canonical spelling of a path, or null when it is already canonical (or could never be a
   * page of ours). Canonical: lower case, no percent-encoded letters, digits or `-._~`, no empty
   * segment and no trailing slash.
   */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return null;
    }
    if (isCanonical(rawPath)) {
      return null;
    }
    StringBuilder path = new StringBuilder(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%' && i + 2 < rawPath.length()) {
        int decoded = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
        if (decoded >= 0 && unreserved((char) decoded)) {
          c = (char) decoded;
          i += 2;
        } else {
          return null; // an encoded character no page of ours has: not found, not redirected
        }
      }
      if (c == '/' && !path.isEmpty() && path.charAt(path.length() - 1) == '/') {
        continue;
      }
      path.append(Character.toLowerCase(c));
    }
    if (path.length() > 1 && path.charAt(path.length() - 1) == '/') {
      path.setLength(path.length() - 1);
    }
    String canonical = path.toString();
    return canonical.equals(rawPath) || !isCanonical(canonical) ? null : canonical;
  }

  private static boolean isCanonical(String path) {
    int length = path.length();
    for (int i = 0; i < length; i++) {
      char c = path.charAt(i);
      if (c == '%' || (c >= 'A' && c <= 'Z') || (c == '/' && i > 0 && path.charAt(i - 1) == '/')) {
        return false;
      }
    }
    return length == 1 || path.charAt(length - 1) != '/';
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static int hex(char c) {
    int value = Character.digit(c, 16);
    return value < 0 ? -1000 : value;
  }

  /** The query less its tracking parameters, as sent otherwise. */
  String cleanQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (pair.isEmpty() || isTracking(name)) {
        continue;
      }
      if (!kept.isEmpty()) {
        kept.append('&');
      }
      kept.append(pair);
    }
    return kept.toString();
  }

  boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String pattern : tracking) {
      if (pattern.endsWith("*")
          ? lower.startsWith(pattern.substring(0, pattern.length() - 1))
          : lower.equals(pattern)) {
        return true;
      }
    }
    return false;
  }
}
