package org.broadsheet.comment;

import java.time.Instant;

/**
 * Who is posting, as far as the site can tell.
 *
 * @param formShownAt when this browser was first shown the form; null when unknown
 */
public record Visitor(String ip, String userAgent, Instant formShownAt) {}
