package org.broadsheet.web;

import java.io.FileDescriptor;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * Linux's {@code send} with {@code MSG_MORE} and {@code sendfile}, called directly through the
 * foreign function API: a cached page's header fields are handed to the kernel as "more to come",
 * so they leave in the same packets as the body that {@code sendfile} attaches from its file
 * without copying it, which is what nginx's {@code sendfile} with {@code tcp_nopush} achieves. Two
 * system calls per answer, where corking the socket around them took four and the JDK's {@code
 * FileChannel.transferTo} adds two more of its own (the file's size, and a {@code copy_file_range}
 * that a socket always refuses). The descriptors are read from the JDK's own channel classes, which
 * the launcher opens for it ({@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}). Where any of
 * that is missing (another system, another JDK, the option not given) {@link #available} is false
 * and nothing here is used.
 *
 * <p>Both calls are made on non-blocking sockets and return at once. A call that fails (the socket
 * is full, or closed) answers -1 and the caller repeats the write through the JDK, which reports
 * the reason as Jetty expects.
 */
final class KernelSend {
  private static final int MSG_NOSIGNAL = 0x4000;
  private static final int MSG_MORE = 0x8000;
  private static final MethodHandle SEND;
  private static final MethodHandle SENDFILE;
  private static final MethodHandle DUP;
  private static final MethodHandle CLOSE;
  private static final Field SOCKET_DESCRIPTOR;
  private static final Field FILE_DESCRIPTOR;
  private static final Method DESCRIPTOR_NUMBER;

  static {
    MethodHandle send = null;
    MethodHandle sendfile = null;
    MethodHandle dup = null;
    MethodHandle close = null;
    Field socketDescriptor = null;
    Field fileDescriptor = null;
    Method descriptorNumber = null;
    if (System.getProperty("os.name", "").startsWith("Linux")) {
      try {
        Linker linker = Linker.nativeLinker();
        // Critical: no thread state change around calls that return at once; it also lets a
        // header held on the heap be sent without a copy.
        Linker.Option critical = Linker.Option.critical(true);
        send =
            function(
                linker,
                "send",
                FunctionDescriptor.of(
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT),
                critical);
        sendfile =
            function(
                linker,
                "sendfile",
                FunctionDescriptor.of(
                    ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG),
                critical);
        FunctionDescriptor intToInt =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
        dup = function(linker, "dup", intToInt);
        close = function(linker, "close", intToInt);
        socketDescriptor = Class.forName("sun.nio.ch.SocketChannelImpl").getDeclaredField("fdVal");
        socketDescriptor.setAccessible(true);
        fileDescriptor = Class.forName("sun.nio.ch.FileChannelImpl").getDeclaredField("fd");
        fileDescriptor.setAccessible(true);
        descriptorNumber =
            Class.forName("sun.nio.ch.IOUtil").getDeclaredMethod("fdVal", FileDescriptor.class);
        descriptorNumber.setAccessible(true);
      } catch (ReflectiveOperationException | RuntimeException e) {
        send = null;
        sendfile = null;
      }
    }
    SEND = send;
    SENDFILE = sendfile;
    DUP = dup;
    CLOSE = close;
    SOCKET_DESCRIPTOR = socketDescriptor;
    FILE_DESCRIPTOR = fileDescriptor;
    DESCRIPTOR_NUMBER = descriptorNumber;
  }

  private KernelSend() {}

  /** The C library's function of that name, callable from Java. */
  private static MethodHandle function(
      Linker linker, String name, FunctionDescriptor signature, Linker.Option... options) {
    return linker.downcallHandle(
        linker.defaultLookup().find(name).orElseThrow(), signature, options);
  }

  static boolean available() {
    return SENDFILE != null;
  }

  /**
   * A descriptor of this process's own for the channel's socket, for the calls below; -1 when none
   * could be made. The channel's own descriptor is not used: the JDK may close it while a call of
   * ours is under way (it guards only its own calls), and a connection accepted meanwhile could be
   * given the same number and receive another reader's page. The duplicate stays valid until {@link
   * #release} closes it, whatever happens to the channel.
   */
  static int duplicate(SocketChannel channel) {
    try {
      return (int) DUP.invokeExact(SOCKET_DESCRIPTOR.getInt(channel));
    } catch (Throwable e) {
      return -1;
    }
  }

  /** Closes a descriptor made by {@link #duplicate}. */
  static void release(int descriptor) {
    try {
      int ignored = (int) CLOSE.invokeExact(descriptor);
    } catch (Throwable e) {
      throw new IllegalStateException("close failed to run", e);
    }
  }

  /**
   * A descriptor of this process's own for the channel's file, for {@link #sendFile}; -1 when none
   * could be made. It stays valid, and refers to this file, until {@link #release} closes it,
   * whatever happens to the channel.
   */
  static int duplicate(FileChannel file) {
    try {
      int number = (int) DESCRIPTOR_NUMBER.invoke(null, FILE_DESCRIPTOR.get(file));
      return (int) DUP.invokeExact(number);
    } catch (Throwable e) {
      return -1;
    }
  }

  /**
   * Sends what remains of {@code buffer} as the beginning of more to come, moving its position past
   * what the kernel took.
   *
   * @return bytes sent, or -1 when the call failed (nothing was sent)
   */
  static long sendMore(int socket, ByteBuffer buffer) {
    long sent;
    try {
      sent =
          (long)
              SEND.invokeExact(
                  socket,
                  MemorySegment.ofBuffer(buffer),
                  (long) buffer.remaining(),
                  MSG_MORE | MSG_NOSIGNAL);
    } catch (Throwable e) {
      throw new IllegalStateException("send failed to run", e);
    }
    if (sent > 0) {
      buffer.position(buffer.position() + (int) sent);
    }
    return sent;
  }

  /**
   * Sends {@code count} bytes of the file from {@code position}.
   *
   * @return bytes sent, or -1 when the call failed (nothing was sent)
   */
  static long sendFile(int socket, int file, long position, long count) {
    try {
      return (long)
          SENDFILE.invokeExact(socket, file, MemorySegment.ofArray(new long[] {position}), count);
    } catch (Throwable e) {
      throw new IllegalStateException("sendfile failed to run", e);
    }
  }
}
