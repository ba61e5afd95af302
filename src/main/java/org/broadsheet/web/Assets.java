package org.broadsheet.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files from the classpath's static/ folder under fingerprinted URLs
 * (/assets/site.3f2a9c1e.css), so browsers and CDNs may keep them for a year.
 */
public final class Assets {
  public record Asset(String name, String url, byte[] bytes, String contentType) {}

  private final Map<String, Asset> byName = new ConcurrentHashMap<>();
  private final Map<String, Asset> byUrl = new ConcurrentHashMap<>();

  public Assets(String... names) {
    for (String name : names) {
      byte[] bytes = read(name);
      String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 10);
      int dot = name.lastIndexOf('.');
      String url = "/assets/" + name.substring(0, dot) + "." + hash + name.substring(dot);
      Asset asset = new Asset(name, url, bytes, contentType(name));
      byName.put(name, asset);
      byUrl.put(url, asset);
    }
  }

  public String url(String name) {
    Asset asset = byName.get(name);
    if (asset == null) {
      throw new IllegalArgumentException("No static asset named " + name);
    }
    return asset.url();
  }

  public Optional<Asset> atUrl(String url) {
    return Optional.ofNullable(byUrl.get(url));
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing static asset " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read static asset " + name, e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
