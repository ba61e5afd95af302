/**
 * Proofreading before publishing: spelling, grammar and style of an article's headline, kicker,
 * standfirst, body and captions, checked in process with LanguageTool, with the newsroom's own
 * dictionary of names. Markup, code and addresses are never read as words.
 */
package org.broadsheet.proofread;
