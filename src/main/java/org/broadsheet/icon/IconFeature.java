package org.broadsheet.icon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;

/**
 * Serves the icons and the web app manifest at the addresses browsers look for them, through the
 * page cache (so with ETags and 304s): these addresses are not fingerprinted, so they are not kept
 * for a year. The pictures are drawn once, on the first request for one of them.
 */
public final class IconFeature {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PageCache pages;
  private final Supplier<SiteSettings> site;

  public IconFeature(PageCache pages, Supplier<SiteSettings> site) {
    this.pages = pages;
    this.site = site;
  }

  /** For the head of every page. */
  public Layout.Icons icons() {
    return new Layout.Icons(
        "/favicon.ico", "/favicon.svg", "/icon-192.png", "/manifest.webmanifest", Monogram.ACCENT);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/favicon.ico", ctx -> answer(ctx, Drawn.ICO, "image/x-icon"));
    routes.get("/favicon.svg", ctx -> answer(ctx, Drawn.SVG, "image/svg+xml"));
    routes.get("/icon-192.png", ctx -> answer(ctx, Drawn.PNG_192, "image/png"));
    routes.get("/icon-512.png", ctx -> answer(ctx, Drawn.PNG_512, "image/png"));
    routes.get(
        "/manifest.webmanifest", ctx -> answer(ctx, manifest(), "application/manifest+json"));
  }

  /** Drawn when first asked for (the class is loaded then), once. */
  private static final class Drawn {
    static final byte[] ICO = Monogram.ico(16, 32, 48);
    static final byte[] SVG = Monogram.svg();
    static final byte[] PNG_192 = Monogram.png(192);
    static final byte[] PNG_512 = Monogram.png(512);
  }

  private void answer(Context ctx, byte[] body, String contentType) {
    // Nothing but the site's settings changes them, and a change of settings drops every page.
    pages.respond(ctx, body, contentType, List.of());
  }

  private byte[] manifest() {
    SiteSettings site = this.site.get();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", site.name());
    manifest.put("short_name", site.name());
    manifest.put("description", site.description());
    manifest.put("lang", site.language());
    manifest.put("start_url", "/");
    manifest.put("scope", "/");
    manifest.put("display", "standalone");
    manifest.put("background_color", Monogram.PAPER);
    manifest.put("theme_color", Monogram.ACCENT);
    manifest.put(
        "icons",
        List.of(
            icon("/icon-192.png", "192x192", "image/png", "any"),
            icon("/icon-512.png", "512x512", "image/png", "any"),
            icon("/icon-512.png", "512x512", "image/png", "maskable"),
            icon("/favicon.svg", "any", "image/svg+xml", "any")));
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the web app manifest", e);
    }
  }

  private static Map<String, String> icon(String src, String sizes, String type, String purpose) {
    Map<String, String> icon = new LinkedHashMap<>();
    icon.put("src", src);
    icon.put("sizes", sizes);
    icon.put("type", type);
    icon.put("purpose", purpose);
    return icon;
  }
}
