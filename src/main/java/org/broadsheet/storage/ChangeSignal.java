package org.broadsheet.storage;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter every process of a site on this machine can see move: the command line bumps it after a
 * commit, and a running site notices with one memory read instead of a database query. It lives in
 * an eight-byte memory-mapped file in the data folder; a site on PostgreSQL also bumps it when
 * another node's change notice arrives.
 */
public final class ChangeSignal {
  private static final VarHandle LONG =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final MappedByteBuffer shared;
  private final AtomicLong local;

  private ChangeSignal(MappedByteBuffer shared) {
    this.shared = shared;
    this.local = shared == null ? new AtomicLong() : null;
  }

  /** A signal shared through a file, so other processes on this machine see it move. */
  public static ChangeSignal shared(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        return new ChangeSignal(channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot open the change signal " + file + ": " + e.getMessage(), e);
    }
  }

  /** A signal seen by this process only (a database without a data folder, as in store tests). */
  public static ChangeSignal local() {
    return new ChangeSignal(null);
  }

  public long current() {
    return shared == null ? local.get() : (long) LONG.getVolatile(shared, 0);
  }

  public void bump() {
    if (shared == null) {
      local.incrementAndGet();
    } else {
      LONG.getAndAdd(shared, 0, 1L);
    }
  }
}
