/**
 * Feeds of the newest published articles, for the whole site and for each section, tag and author,
 * as RSS 2.0, Atom and JSON Feed. It reads articles through the article feature's service, so it
 * has no SQL of its own, and never shows a draft or an article scheduled for later.
 */
package org.broadsheet.feed;
