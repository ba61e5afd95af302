package org.broadsheet.article;

import gg.jte.Content;
import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * An article's page; what comes below the article (the comments) is another feature's.
 *
 * @param readingMinutes how long the body takes to read ({@link ReadingTime})
 * @param url the article's public address, for sharing
 * @param shareScriptUrl the copy-link script's fingerprinted address
 * @param inSection the newest stories of the article's section
 * @param related stories sharing the article's tags
 * @param withdrawnLead the lead picture withdrawn because its rights expired, whose caption and
 *     credit stand in its place; null when there is none
 */
public record ArticlePage(
    Layout layout,
    PageMeta meta,
    Dateline dates,
    Article article,
    String bodyHtml,
    Content belowArticle,
    List<BelowTheArticle.Link> belowLinks,
    int readingMinutes,
    String url,
    List<ShareLinks.ShareLink> share,
    String shareScriptUrl,
    List<ArticleSummary> inSection,
    List<ArticleSummary> related,
    org.broadsheet.media.Image withdrawnLead) {}
