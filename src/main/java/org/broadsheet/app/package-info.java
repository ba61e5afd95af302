/**
 * Wiring: opens the database, builds each feature from plain constructor calls, starts and stops
 * the web server. Reading Application tells you the whole system.
 */
package org.broadsheet.app;
