package org.broadsheet.web;

/** The model of the 404 and 500 pages. */
public record ErrorPage(
    Layout layout, PageMeta meta, int status, String heading, String message, String requestId) {}
