package org.broadsheet.comment;

import gg.jte.Content;
import org.broadsheet.article.Article;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * A later page of an article's comments, at its own address: the headline and a way back to the
 * article, then that page of the thread and the form, without the article's text.
 */
public record CommentsPage(
    Layout layout, PageMeta meta, Article article, int page, Content section) {}
