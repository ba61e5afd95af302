package org.broadsheet.newsroom;

import java.time.Instant;

/**
 * A signed-in person's session.
 *
 * @param id the SHA-256 of the session's token: what the database knows it by, and what the forms
 *     of this session are bound to
 */
public record Session(User user, String id, Instant startedAt) {
  public boolean may(Permission permission) {
    return user.may(permission);
  }
}
