package org.broadsheet.web;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one cached variant of a page. A large body is held in a file of the memory file
 * system (/dev/shm), mapped read-only, so that the hot path can hand it to the kernel with sendfile
 * ({@link ZeroCopyEndPoint}) instead of copying it into the socket: on Linux the file's pages are
 * then attached to the outgoing packets as they are, which is how nginx serves a static file. Every
 * other reader of the body reads the same pages through the mapping; nothing is held twice. The
 * file is deleted as soon as it is open, so it lives exactly as long as this object, and a crash
 * leaves nothing behind. A small body, or any body where there is no such file system (or it is
 * full, or {@link KernelSend} is not available), is held in plain direct memory and written the
 * ordinary way.
 */
final class PageBody {
  /**
   * Below this, copying the body into the socket costs less than the system calls saved (a 14 KB
   * gzip page: 0.74–0.87× nginx sent from its file, 0.66–0.81× copied, measured alternating).
   */
  static final int ZERO_COPY_MIN_BYTES = 8 * 1024;

  private static final Path FOLDER = Path.of("/dev/shm");

  /** Whether bodies are sent from files at all: Linux, a writable /dev/shm, sendfile reachable. */
  static final boolean ZERO_COPY =
      KernelSend.available() && Files.isDirectory(FOLDER) && Files.isWritable(FOLDER);

  private static final Cleaner CLEANER = Cleaner.create();

  static final FileBudget FILES = FileBudget.forThisProcess();

  private final ByteBuffer bytes;
  private final int descriptor;

  /**
   * @param descriptor this body's own descriptor of its file, or -1 when it is held in memory only
   */
  private PageBody(ByteBuffer bytes, int descriptor, FileBudget budget) {
    this.bytes = bytes;
    this.descriptor = descriptor;
    if (descriptor >= 0) {
      CLEANER.register(
          this,
          () -> {
            KernelSend.release(descriptor);
            budget.giveBack();
          });
    }
  }

  static PageBody of(byte[] body) {
    return of(body, FILES);
  }

  /** As {@link #of(byte[])}, taking a file from this budget. */
  static PageBody of(byte[] body, FileBudget budget) {
    if (ZERO_COPY && body.length >= ZERO_COPY_MIN_BYTES && budget.take()) {
      PageBody held = inFile(body, budget);
      if (held != null) {
        return held;
      }
      budget.giveBack();
    }
    return new PageBody(
        ByteBuffer.allocateDirect(body.length).put(body).flip().asReadOnlyBuffer(), -1, null);
  }

  /**
   * Writes the body to a new file, maps it and keeps a descriptor of its own for sendfile; the
   * JDK's channel is closed at once. Sent through the channel's own descriptor, a page could have
   * reached readers as another file's bytes: the JDK closes a channel whose thread is interrupted
   * during its I/O, and the number is then given to the next file opened (the database's, say).
   */
  private static PageBody inFile(byte[] body, FileBudget budget) {
    try {
      Path path = Files.createTempFile(FOLDER, "broadsheet-page-", ".body");
      try (FileChannel file =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        Files.delete(path);
        // Written rather than mapped for writing: a full file system answers with an exception
        // here instead of a fault later.
        ByteBuffer source = ByteBuffer.wrap(body);
        while (source.hasRemaining()) {
          file.write(source);
        }
        ByteBuffer mapped = file.map(FileChannel.MapMode.READ_ONLY, 0, body.length);
        int descriptor = KernelSend.duplicate(file);
        return descriptor < 0 ? null : new PageBody(mapped, descriptor, budget);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  int size() {
    return bytes.capacity();
  }

  /** A view of the bytes with its own position, safe to hand to one response. */
  ByteBuffer view() {
    return bytes.duplicate();
  }

  /** Whether the bytes are held in a file, to be sent with {@link KernelSend#sendFile}. */
  boolean inFile() {
    return descriptor >= 0;
  }

  /** The file's descriptor, this body's own, valid while this body is held; -1 for none. */
  int descriptor() {
    return descriptor;
  }
}
