/**
 * The newsroom's people: accounts and their roles, sign-in with an optional second step, sessions,
 * password resets, and the pages under /newsroom. Every action asks {@link
 * org.broadsheet.newsroom.Role#may} through the service, never the page.
 */
package org.broadsheet.newsroom;
