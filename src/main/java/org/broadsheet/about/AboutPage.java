package org.broadsheet.about;

import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * A trust page as rendered.
 *
 * @param bodyHtml the page's Markdown, rendered and sanitised; empty while unwritten
 */
public record AboutPage(Layout layout, PageMeta meta, TrustPage page, String bodyHtml) {}
