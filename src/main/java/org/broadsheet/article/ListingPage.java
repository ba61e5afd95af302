package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** A section, tag or author page: one page of its articles, newest first. */
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
    int pageCount) {}
