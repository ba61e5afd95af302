package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * A section, tag or author page: one page of its articles, newest first.
 *
 * @param author the author whose page this is (role, expertise, photo shown above the articles), or
 *     null on a section's or tag's page
 */
public record ListingPage(
    Layout layout,
    PageMeta meta,
    Dateline dates,
    String kind,
    String heading,
    String description,
    String path,
    List<ArticleSummary> articles,
    int page,
    int pageCount,
    Author author) {}
