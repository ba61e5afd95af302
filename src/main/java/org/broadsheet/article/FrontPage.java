package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** The front page: the lead story, the latest, then each section's newest. */
public record FrontPage(
    Layout layout,
    PageMeta meta,
    Dateline dates,
    ArticleSummary lead,
    List<ArticleSummary> latest,
    List<SectionGroup> sections) {

  public record SectionGroup(Section section, List<ArticleSummary> articles) {}
}
