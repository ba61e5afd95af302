package org.broadsheet.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * What is left of a request's body once its answer is ready, read and thrown away before the answer
 * is sent. A body refused unread (413 for its declared length, 400 for a multipart body where no
 * file is taken) is still on its way: closed on, a client still sending gets a reset and loses the
 * answer, so a browser shows "connection reset" instead of the page that says why. Up to {@link
 * #MAX_DISCARDED_BYTES} is read into nothing; nothing of it is kept. A body declared larger than
 * that, or one that turns out to be, is not waited for: the answer is sent and the connection
 * closed. A client that asked to be told first ({@code Expect: 100-continue}) has sent nothing and
 * is answered at once.
 */
final class UnreadBody {
  /**
   * The most of a refused body read and thrown away so its sender sees the answer: 32 MB, past the
   * largest upload (20 MB) a person may mistake for one the site takes.
   */
  static final long MAX_DISCARDED_BYTES = 32L * 1024 * 1024;

  private UnreadBody() {}

  static void discard(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    boolean chunked =
        "chunked".equalsIgnoreCase(String.valueOf(ctx.header("Transfer-Encoding")).strip());
    if ((declared <= 0 && !chunked) || declared > MAX_DISCARDED_BYTES) {
      return;
    }
    String expect = ctx.header("Expect");
    if (expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue")) {
      return;
    }
    try {
      InputStream body = ctx.req().getInputStream();
      long left = MAX_DISCARDED_BYTES;
      byte[] buffer = new byte[1 << 16];
      for (int n;
          left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // Read as a reader already, or the client is gone: Jetty closes the connection either way.
    }
  }
}
