package org.broadsheet.web;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A connection's end point that sends a cached body with sendfile, straight from its file ({@link
 * PageBody}), when Jetty flushes the very buffer the hot path marked as that body; the header
 * fields before it are sent as "more to come" ({@link KernelSend}), so both leave in the same
 * packets. Jetty keeps its account of what was written through the buffers' positions, which move
 * exactly as if the bytes had been copied; every other buffer is written as Jetty always does.
 */
final class ZeroCopyEndPoint extends SocketChannelEndPoint {
  private static final Cleaner CLEANER = Cleaner.create();

  /** This end point's own descriptor of the socket, made while the socket is surely open. */
  private final OwnSocket socket;

  private ByteBuffer marked;
  private PageBody body;

  private ZeroCopyEndPoint(
      SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
    super(channel, selector, key, scheduler);
    this.socket = new OwnSocket(KernelSend.duplicate(channel));
    // Jetty closes an end point it failed to set up without closing the end point itself.
    CLEANER.register(this, socket::endPointClosed);
  }

  /**
   * A duplicate of the socket's descriptor ({@link KernelSend#duplicate}) and who holds it: the end
   * point until it closes, plus each send under way. The last to let go closes it, so it is never
   * closed (and its number never reused) during a send.
   */
  private static final class OwnSocket {
    final int descriptor;
    private final AtomicInteger holders;
    private final AtomicBoolean endPointClosed = new AtomicBoolean();

    OwnSocket(int descriptor) {
      this.descriptor = descriptor;
      this.holders = new AtomicInteger(descriptor < 0 ? 0 : 1);
    }

    /**
     * Holds the descriptor for one send; false when the end point is closing (or there is none).
     */
    boolean hold() {
      for (int now = holders.get(); now > 0; now = holders.get()) {
        if (holders.compareAndSet(now, now + 1)) {
          return true;
        }
      }
      return false;
    }

    void letGo() {
      if (holders.decrementAndGet() == 0) {
        KernelSend.release(descriptor);
      }
    }

    void endPointClosed() {
      if (endPointClosed.compareAndSet(false, true) && descriptor >= 0) {
        letGo();
      }
    }
  }

  /** A connector whose connections send cached bodies from their files when they can. */
  static ServerConnector connector(Server server, HttpConnectionFactory http) {
    return new ServerConnector(server, http) {
      @Override
      protected SocketChannelEndPoint newEndPoint(
          SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endPoint =
            PageBody.ZERO_COPY
                ? new ZeroCopyEndPoint(channel, selector, key, getScheduler())
                : new SocketChannelEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
      }
    };
  }

  /**
   * The response about to be written sends {@code buffer}, a view of {@code body}, as its content.
   * Holding the body here keeps its file open until it is sent.
   */
  void sendFromFile(ByteBuffer buffer, PageBody body) {
    this.marked = buffer;
    this.body = body;
  }

  @Override
  public boolean flush(ByteBuffer... buffers) throws IOException {
    int at = marked == null ? -1 : indexOf(buffers, marked);
    if (at < 0 || !socket.hold()) {
      // Closing (or no descriptor of our own): the JDK writes the mapped bytes, or reports the
      // closed socket as Jetty expects.
      return super.flush(buffers);
    }
    try {
      return flushFromFile(buffers, at);
    } finally {
      socket.letGo();
    }
  }

  @Override
  public void doClose() {
    try {
      super.doClose();
    } finally {
      socket.endPointClosed();
    }
  }

  private boolean flushFromFile(ByteBuffer[] buffers, int at) throws IOException {
    for (int i = 0; i < at; i++) {
      if (!sentAsMore(buffers[i])) {
        return false;
      }
    }
    ByteBuffer content = marked;
    if (content.hasRemaining()) {
      long sent =
          KernelSend.sendFile(
              socket.descriptor, body.descriptor(), content.position(), content.remaining());
      if (sent > 0) {
        content.position(content.position() + (int) sent);
        notIdle();
      } else if (sent < 0) {
        // Full or failed: the JDK's write of the mapped bytes tells which, as Jetty expects.
        super.flush(content);
      }
      if (content.hasRemaining()) {
        return false;
      }
    }
    marked = null;
    body = null;
    for (int i = at + 1; i < buffers.length; i++) {
      if (!flushed(buffers[i])) {
        return false;
      }
    }
    return true;
  }

  private boolean flushed(ByteBuffer buffer) throws IOException {
    return buffer == null || !buffer.hasRemaining() || super.flush(buffer);
  }

  /** Sends a buffer that comes before the body, telling the kernel the body follows. */
  private boolean sentAsMore(ByteBuffer buffer) throws IOException {
    if (buffer == null || !buffer.hasRemaining()) {
      return true;
    }
    long sent = KernelSend.sendMore(socket.descriptor, buffer);
    if (sent > 0) {
      notIdle();
    }
    if (sent < 0) {
      // Full or failed: Jetty's own write tells which.
      return super.flush(buffer);
    }
    return !buffer.hasRemaining();
  }

  private static int indexOf(ByteBuffer[] buffers, ByteBuffer wanted) {
    for (int i = 0; i < buffers.length; i++) {
      if (buffers[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
