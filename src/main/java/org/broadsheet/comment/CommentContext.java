package org.broadsheet.comment;

import java.time.Instant;
import java.util.Map;

/**
 * A comment with what a moderator needs to decide about it: the article, the comment it answers,
 * the writer's website and history, the spam filter's judgement and readers' open reports.
 *
 * @param approvedBefore how many comments from the same email were approved, written before this
 * @param inReplyTo the comment this one answers, or null
 * @param reports open reports by reason ("" for none given), in the order they came
 */
public record CommentContext(
    long id,
    String status,
    boolean staff,
    String authorName,
    String authorEmail,
    String authorWebsite,
    String ip,
    Instant time,
    String text,
    double spamProbability,
    OnArticle article,
    Answered inReplyTo,
    int approvedBefore,
    int openReports,
    Map<String, Integer> reports) {

  /** The article a comment is on. */
  public record OnArticle(long id, String slug, String headline, String path) {}

  /** The comment answered. */
  public record Answered(long id, String authorName, String status, String text) {}

  /** The spam filter's probability as a whole percentage, as a moderator reads it. */
  public int spamPercent() {
    return (int) Math.round(spamProbability * 100);
  }

  CommentContext on(OnArticle where) {
    return new CommentContext(
        id,
        status,
        staff,
        authorName,
        authorEmail,
        authorWebsite,
        ip,
        time,
        text,
        spamProbability,
        where,
        inReplyTo,
        approvedBefore,
        openReports,
        reports);
  }

  /** Whether the comment is published, so the newsroom may answer it on the page. */
  public boolean published() {
    return status.equals(CommentStatus.APPROVED.word());
  }
}
