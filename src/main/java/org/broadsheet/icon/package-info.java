/**
 * The site's icons, drawn by the project itself (a masthead letter B on the site's accent colour):
 * favicon.ico, favicon.svg, PNGs for home screens, and the web app manifest that names them.
 */
package org.broadsheet.icon;
