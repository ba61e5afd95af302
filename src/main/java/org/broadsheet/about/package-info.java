/**
 * The newsroom's trust pages: publishing principles, corrections policy, ethics policy, ownership
 * and funding, and how to reach the newsroom; Markdown kept in settings, linked from every page.
 */
package org.broadsheet.about;
