package org.broadsheet.newsroom;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.audit.Actor;
import org.broadsheet.web.WebServer;

/** What the desk's forms share: reading fields as typed, and who is acting. */
final class DeskForms {
  /** Longest text a desk form's field is read to; the services name the real limits. */
  static final int MAX_FIELD = 10_000;

  private DeskForms() {}

  /** A form field as typed, less NUL characters, clipped at {@link #MAX_FIELD}. */
  static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null) {
      return "";
    }
    value = value.replace("\u0000", "");
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
  }

  /** These fields as typed, to show the form again with every word kept. */
  static Map<String, String> typed(Context ctx, String... names) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : names) {
      typed.put(name, field(ctx, name));
    }
    return typed;
  }

  static Actor actor(Context ctx, Session session) {
    return Actor.person(session.user().email(), WebServer.client(ctx).ip());
  }
}
