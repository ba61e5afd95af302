package org.broadsheet.article;

import gg.jte.Content;
import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** An article's page; what comes below the article (the comments) is another feature's. */
public record ArticlePage(
    Layout layout,
    PageMeta meta,
    Dateline dates,
    Article article,
    String bodyHtml,
    Content belowArticle,
    List<BelowTheArticle.Link> belowLinks) {}
