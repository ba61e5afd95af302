package org.broadsheet.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operating system's lock on a data folder's {@code broadsheet.lock}, held by every process
 * serving the site for as long as it serves. Restore and backup ask it whether a site is running
 * there. Serving processes take it shared, so two of them may serve one folder; a test for a
 * running site asks for it exclusively. The file holds the address the site is served at.
 */
public final class SiteLock implements AutoCloseable {
  public static final String FILE_NAME = "broadsheet.lock";

  // Closing any channel on a file drops this process's locks on it (POSIX), so a folder this
  // process serves is answered from memory and never opened a second time.
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private SiteLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the shared lock of a data folder this process is about to serve. */
  public static SiteLock take(Path dataFolder) {
    Path folder = dataFolder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(folder);
      FileChannel channel =
          FileChannel.open(
              folder.resolve(FILE_NAME),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      try {
        // Restore and backup hold the lock exclusively only for the instant they test it.
        FileLock lock = null;
        for (int attempt = 0; lock == null && attempt < 40; attempt++) {
          lock = channel.tryLock(0, Long.MAX_VALUE, true);
          if (lock == null) {
            sleep(25);
          }
        }
        if (lock == null) {
          throw new IllegalStateException(
              "Another process holds " + folder.resolve(FILE_NAME) + " exclusively (a restore?)");
        }
        HELD_HERE.add(folder);
        return new SiteLock(folder, channel, lock);
      } catch (OverlappingFileLockException e) {
        // This process already serves the folder; the first lock stands for both.
        channel.close();
        return new SiteLock(folder, null, null);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot lock " + folder.resolve(FILE_NAME) + ": " + e, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records the address the site is served at, for commands run beside it. */
  public void recordAddress(String address) {
    if (channel == null) {
      return;
    }
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((address + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      // Only the default of site.base_url shown by other commands depends on it.
    }
  }

  /** Whether a process (this one or another) serves the site in this folder now. */
  public static boolean isHeld(Path dataFolder) {
    Path folder = dataFolder.toAbsolutePath().normalize();
    if (HELD_HERE.contains(folder)) {
      return true;
    }
    try (FileChannel channel =
        FileChannel.open(
            folder.resolve(FILE_NAME), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (NoSuchFileException e) {
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      // A lock file we cannot open or lock: assume the worst.
      return true;
    }
  }

  /** The address the site running in this folder is served at, if one runs. */
  public static Optional<String> servedAddress(Path dataFolder) {
    Path file = dataFolder.toAbsolutePath().normalize().resolve(FILE_NAME);
    if (!Files.isRegularFile(file) || !isHeld(dataFolder)) {
      return Optional.empty();
    }
    try {
      String address = Files.readString(file, StandardCharsets.UTF_8).strip();
      return address.matches("https?://\\S+") ? Optional.of(address) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    HELD_HERE.remove(folder);
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The lock goes with the process anyway.
    }
  }
}
