package org.broadsheet.comment;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.web.ReaderCookie;
import org.broadsheet.web.ReaderRequest;
import org.broadsheet.web.Signer;

/**
 * The two signed cookies of the comment section: when this browser first saw a comment form (for
 * the minimum fill time) and which comments it posted (so their writer sees them while they wait
 * for a moderator). Both are HttpOnly and SameSite=Lax, and hold no personal data.
 */
final class ReaderCookies {
  static final String SEEN = "bs_seen";
  static final String MINE = "bs_mine";
  private static final int MAX_OWN = 30;
  private static final int DAY = 24 * 3600;
  private static final int MONTH = 30 * DAY;

  private final Signer signer;

  ReaderCookies(Signer signer) {
    this.signer = signer;
  }

  Optional<Instant> firstSeen(ReaderRequest reader) {
    return reader.cookie(SEEN).flatMap(signer::verify).flatMap(ReaderCookies::epochSeconds);
  }

  /** The cookie that marks when this browser first saw a form, unless it has one already. */
  Optional<ReaderCookie> markSeen(ReaderRequest reader, Instant now) {
    return firstSeen(reader).isPresent()
        ? Optional.empty()
        : Optional.of(
            new ReaderCookie(SEEN, signer.sign(Long.toString(now.getEpochSecond())), DAY));
  }

  Set<Long> own(ReaderRequest reader) {
    return reader
        .cookie(MINE)
        .flatMap(signer::verify)
        .map(
            value ->
                Arrays.stream(value.split("-"))
                    .filter(id -> id.matches("\\d{1,18}"))
                    .map(Long::parseLong)
                    .collect(Collectors.toCollection(LinkedHashSet::new)))
        .orElseGet(LinkedHashSet::new);
  }

  /** The reader's own-comments cookie with one more comment, keeping the newest few. */
  ReaderCookie addOwn(ReaderRequest reader, long commentId) {
    List<Long> ids = new java.util.ArrayList<>(own(reader));
    ids.add(commentId);
    if (ids.size() > MAX_OWN) {
      ids = ids.subList(ids.size() - MAX_OWN, ids.size());
    }
    return new ReaderCookie(
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
}
