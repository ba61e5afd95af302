package org.broadsheet.web;

/**
 * What a page says about itself in its head.
 *
 * @param canonicalPath the page's own path, made absolute with the site's base URL
 */
public record PageMeta(String title, String description, String canonicalPath) {}
