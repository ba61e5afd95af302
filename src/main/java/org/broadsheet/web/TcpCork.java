package org.broadsheet.web;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.nio.channels.SocketChannel;

/**
 * Linux's TCP_CORK on a socket, which the JDK does not offer: while corked, the kernel sends only
 * full packets, so a response's header fields and its body leave together, as nginx's {@code
 * tcp_nopush} makes them, instead of the header as a small packet of its own. Reached through the
 * foreign function API; the socket's descriptor is read from the JDK's own channel class, which the
 * launcher opens for it ({@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}). Where any of that
 * is missing (another system, another JDK, the option not given) {@link #available} is false and
 * nothing here is used.
 */
final class TcpCork {
  private static final int IPPROTO_TCP = 6;
  private static final int TCP_CORK = 3;
  private static final MethodHandle SETSOCKOPT;
  private static final Field DESCRIPTOR;
  private static final MemorySegment ON;
  private static final MemorySegment OFF;

  static {
    MethodHandle setsockopt = null;
    Field descriptor = null;
    MemorySegment on = null;
    MemorySegment off = null;
    if (System.getProperty("os.name", "").startsWith("Linux")) {
      try {
        Linker linker = Linker.nativeLinker();
        setsockopt =
            linker.downcallHandle(
                linker.defaultLookup().find("setsockopt").orElseThrow(),
                FunctionDescriptor.of(
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT));
        descriptor = Class.forName("sun.nio.ch.SocketChannelImpl").getDeclaredField("fdVal");
        descriptor.setAccessible(true);
        on = Arena.global().allocateFrom(ValueLayout.JAVA_INT, 1);
        off = Arena.global().allocateFrom(ValueLayout.JAVA_INT, 0);
      } catch (ReflectiveOperationException | RuntimeException e) {
        setsockopt = null;
      }
    }
    SETSOCKOPT = setsockopt;
    DESCRIPTOR = descriptor;
    ON = on;
    OFF = off;
  }

  private TcpCork() {}

  static boolean available() {
    return SETSOCKOPT != null;
  }

  /** Holds back partial packets until {@link #release}. */
  static void hold(SocketChannel channel) {
    set(channel, ON);
  }

  /** Sends what was held back. */
  static void release(SocketChannel channel) {
    set(channel, OFF);
  }

  private static void set(SocketChannel channel, MemorySegment value) {
    try {
      // A failure (the socket already closed) changes nothing of what is sent: the write that
      // follows reports the closed socket as Jetty expects.
      int ignored =
          (int) SETSOCKOPT.invokeExact(DESCRIPTOR.getInt(channel), IPPROTO_TCP, TCP_CORK, value, 4);
    } catch (Throwable e) {
      throw new IllegalStateException("TCP_CORK could not be set", e);
    }
  }
}
