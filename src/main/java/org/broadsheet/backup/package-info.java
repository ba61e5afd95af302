/**
 * Backup and restore: one zip archive holding a consistent copy of the database taken while the
 * site serves (pictures included), and a manifest with the SHA-256 of every entry; restored all or
 * nothing into a new data folder.
 */
package org.broadsheet.backup;
