package org.broadsheet.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a page made for one reader may read of their request, as plain data: their cookies and the
 * query parameters. Features hand this to each other instead of Javalin's request.
 */
public record ReaderRequest(Map<String, String> cookies, Map<String, String> query) {
  public static final ReaderRequest NONE = new ReaderRequest(Map.of(), Map.of());

  public ReaderRequest {
    cookies = Map.copyOf(cookies);
    query = Map.copyOf(query);
  }

  public static ReaderRequest of(Context ctx) {
    Map<String, String> query = new HashMap<>();
    for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
      if (!parameter.getValue().isEmpty()) {
        query.put(parameter.getKey(), parameter.getValue().getFirst());
      }
    }
    return new ReaderRequest(ctx.cookieMap(), query);
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }
}
