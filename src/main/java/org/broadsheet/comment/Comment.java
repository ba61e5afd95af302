package org.broadsheet.comment;

import java.time.Instant;

/**
 * A stored comment. The email is kept for moderation and notifications, never shown.
 *
 * @param trainedAs what the spam filter learnt from it: "spam", "ham" or ""
 * @param staff written in the newsroom by a staff member, and marked so on the page; a reader's
 *     post never is
 */
public record Comment(
    long id,
    long articleId,
    Long parentId,
    String authorName,
    String authorEmail,
    String authorWebsite,
    String body,
    CommentStatus status,
    Instant createdAt,
    String ip,
    boolean notifyReplies,
    double spamProbability,
    String trainedAs,
    boolean staff) {}
