package org.broadsheet.architecture.beta;

import io.javalin.http.Context;

/** Renders a page for another feature from the request itself, instead of plain data. */
public final class BetaPages {
  public byte[] render(Context ctx) {
    return new byte[0];
  }
}
