package org.broadsheet.architecture.alpha;

import io.javalin.http.Context;
import org.broadsheet.architecture.beta.BetaHandler;
import org.broadsheet.architecture.beta.BetaPages;
import org.jdbi.v3.core.Handle;

/** Runs SQL outside a store and reaches into another feature's handler and pages. */
final class AlphaNotes {
  int count(Handle h) {
    return h.createQuery("SELECT 1").mapTo(Integer.class).one();
  }

  byte[] page(Context ctx) {
    new BetaHandler().handle(ctx);
    return new BetaPages().render(ctx);
  }
}
