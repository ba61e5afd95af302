/**
 * The reader conversation under every article: threads, the comment form, moderation, spam defences
 * and reply notifications. Commenters' emails never leave this feature's storage.
 */
package org.broadsheet.comment;
