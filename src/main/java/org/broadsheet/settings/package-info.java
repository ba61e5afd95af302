/**
 * Site settings: the site's name, language and time zone, and every limit the other features
 * declare. Values come from documented defaults, the database, then the environment.
 */
package org.broadsheet.settings;
