/**
 * The ./broadsheet command and its subcommands. Thin: each parses its options, opens the site and
 * calls feature services. This is the outermost layer: cli uses app, nothing uses cli.
 */
package org.broadsheet.cli;
