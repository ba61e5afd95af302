package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * One save of an article, kept: who saved it, when, why, and every field as it stood after.
 *
 * @param version the article's version this save made
 * @param actor who saved it: a person's email, "command line (…)", "import", "schedule"
 * @param actorUserId the newsroom account, or null when none acted
 * @param what what the save was: "created", "edited", "published", "restored version 3", …
 * @param content every field of the article as it stood after the save
 * @param corrections the standing corrections after the save, one line each
 */
public record Revision(
    long id,
    long articleId,
    long version,
    Instant savedAt,
    String actor,
    Long actorUserId,
    String what,
    ArticleDraft content,
    List<String> corrections) {}
