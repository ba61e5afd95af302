package org.broadsheet.audit;

import java.time.Instant;

/**
 * Which entries to show, newest first: every filter is optional (null).
 *
 * @param actor exactly this actor (an email, or "command line (…)")
 * @param action exactly this action, or every action under it: "user" takes "user.role" too
 * @param from entries at or after this time
 * @param until entries before this time
 * @param page from 1
 */
public record AuditQuery(
    String actor, String action, Instant from, Instant until, int page, int pageSize) {
  public AuditQuery {
    page = Math.max(1, page);
    pageSize = Math.clamp(pageSize, 1, 1000);
  }

  public static AuditQuery everything(int pageSize) {
    return new AuditQuery(null, null, null, null, 1, pageSize);
  }
}
