package org.broadsheet.comment;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.web.Signer;
import org.broadsheet.web.WebServer;

/**
 * The two signed cookies of the comment section: when this browser first saw a comment form (for
 * the minimum fill time) and which comments it posted (so their writer sees them while they wait
 * for a moderator). Both are HttpOnly and SameSite=Lax, and hold no personal data.
 */
final class ReaderCookies {
  static final String SEEN = "bs_seen";
  static final String MINE = "bs_mine";
  private static final int MAX_OWN = 30;
  private static final int MONTH = 30 * 24 * 3600;

  private final Signer signer;

  ReaderCookies(Signer signer) {
    this.signer = signer;
  }

  Optional<Instant> firstSeen(Context ctx) {
    return signer.verify(ctx.cookie(SEEN)).flatMap(ReaderCookies::epochSeconds);
  }

  void markSeen(Context ctx, Instant now) {
    if (firstSeen(ctx).isEmpty()) {
      set(ctx, SEEN, signer.sign(Long.toString(now.getEpochSecond())), 24 * 3600);
    }
  }

  Set<Long> own(Context ctx) {
    return signer
        .verify(ctx.cookie(MINE))
        .map(
            value ->
                Arrays.stream(value.split("-"))
                    .filter(id -> id.matches("\\d{1,18}"))
                    .map(Long::parseLong)
                    .collect(Collectors.toCollection(LinkedHashSet::new)))
        .orElseGet(LinkedHashSet::new);
  }

  void addOwn(Context ctx, long commentId) {
    List<Long> ids = new java.util.ArrayList<>(own(ctx));
    ids.add(commentId);
    if (ids.size() > MAX_OWN) {
      ids = ids.subList(ids.size() - MAX_OWN, ids.size());
    }
    set(
        ctx,
        MINE,
        signer.sign(ids.stream().map(String::valueOf).collect(Collectors.joining("-"))),
        MONTH);
  }

  String formToken(Instant now) {
    return signer.sign(Long.toString(now.getEpochSecond()));
  }

  Optional<Instant> formShownAt(String token) {
    return signer.verify(token).flatMap(ReaderCookies::epochSeconds);
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void set(Context ctx, String name, String value, int maxAge) {
    Cookie cookie =
        new Cookie(
            name, value, "/", maxAge, WebServer.client(ctx).secure(), true, null, SameSite.LAX);
    ctx.cookie(cookie);
  }
}
