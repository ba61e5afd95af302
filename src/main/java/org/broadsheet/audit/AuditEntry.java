package org.broadsheet.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param action what was done, as a dotted word: "sign-in", "user.role", "comment.approve"
 * @param subject what it was done to: an email, a setting's key, a comment's id
 * @param detail what changed, in a few words ("editor -> reporter"); never a secret
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String subject, String detail, String ip) {}
