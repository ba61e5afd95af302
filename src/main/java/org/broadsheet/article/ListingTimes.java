package org.broadsheet.article;

import java.time.Instant;

/**
 * A section, tag or author page and when the newest article on it was published or updated.
 *
 * @param path the listing's path, such as /section/world
 */
public record ListingTimes(String path, Instant lastModified) {}
