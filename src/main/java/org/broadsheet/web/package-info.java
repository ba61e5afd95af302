/**
 * HTTP server glue: the Javalin server, templates, error pages, request ids, fingerprinted static
 * assets, the page cache and what every feature's forms and pages share (CSRF check, signer,
 * personal requests, page rules). Knows no feature: features hand it their routes and rules.
 */
package org.broadsheet.web;
