package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * The newsroom's dictionary page: its words, and a form to add one.
 *
 * @param typed the word as typed when it was refused, else empty
 * @param message what came of the last change, or null
 * @param problem whether the message is a refusal
 */
public record DictionaryPage(
    Layout layout,
    PageMeta meta,
    String csrf,
    List<String> words,
    String typed,
    String message,
    boolean problem) {}
