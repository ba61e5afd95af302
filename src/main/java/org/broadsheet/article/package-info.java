/**
 * Articles and what files them: sections, tags and authors; the article, front, section, tag and
 * author pages; and the rendering of Markdown bodies with their figures and quotes.
 */
package org.broadsheet.article;
