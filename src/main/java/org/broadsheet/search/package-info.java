/**
 * Search of the published edition: a Lucene index in the data folder that follows the change log,
 * the /search page with highlighted snippets, filters and "did you mean", and the reindex command.
 */
package org.broadsheet.search;
