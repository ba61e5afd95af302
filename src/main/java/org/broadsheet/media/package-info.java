/**
 * Pictures: every file taken in through one door ({@link org.broadsheet.media.PictureIntake}),
 * served as clean copies in several widths with long-lived URLs, with their rights and default
 * caption and alt text; the newsroom's picture library ({@link
 * org.broadsheet.media.PictureLibraryService}) finds, takes in and edits them.
 */
package org.broadsheet.media;
