/**
 * Moving in from a static site: Markdown files with YAML front matter, as Hugo and Jekyll keep
 * them, become articles with their pictures. Each file is checked whole before anything of it is
 * written.
 */
package org.broadsheet.importer;
