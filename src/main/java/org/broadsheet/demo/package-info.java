/**
 * The demo edition: articles written for Broadsheet, pictures drawn by Broadsheet itself, and a
 * long reader conversation, added to a site without touching what is already there.
 */
package org.broadsheet.demo;
