package org.broadsheet.architecture.beta;

import io.javalin.http.Context;

public final class BetaHandler {
  public void handle(Context ctx) {
    ctx.result("beta");
  }
}
