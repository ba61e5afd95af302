package org.broadsheet.web;

/**
 * A route that takes a file in a multipart form, the only kind that may: every other form of the
 * site is sent URL-encoded, and a multipart body anywhere else is refused (400) unread. The body's
 * declared length is checked against {@code maxBytes} before a byte of it is read; the route's
 * handler answers a body over it with a page of its own (see {@link #tooLarge}).
 *
 * @param path the route's exact path
 * @param maxBytes the largest body taken: the largest file plus room for the form's other fields
 */
public record UploadRoute(String path, long maxBytes) {
  /** Whether a body declared this long (-1: not declared) is larger than the route takes. */
  public boolean tooLarge(long declaredLength) {
    return declaredLength > maxBytes;
  }
}
