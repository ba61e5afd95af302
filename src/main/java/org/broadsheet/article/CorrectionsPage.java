package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** The site's corrections page: every standing correction, newest first. */
public record CorrectionsPage(
    Layout layout, PageMeta meta, Dateline dates, List<Correction> corrections) {}
