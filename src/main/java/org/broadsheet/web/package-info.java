/**
 * HTTP server glue: the Javalin server, templates, error pages, request ids and fingerprinted
 * static assets. Knows no feature: features hand it their routes.
 */
package org.broadsheet.web;
