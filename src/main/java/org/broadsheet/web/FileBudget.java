package org.broadsheet.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many cached bodies may be held in files ({@link PageBody}) at once. Each takes one of the
 * process's file descriptors, which connections (two each, see {@link ZeroCopyEndPoint}), the
 * database and the JVM's own jars need too, and one memory mapping, of which a process has a
 * limited number as well: a page cache of small pages could otherwise use them all, and the site
 * would stop accepting readers. By default a quarter of the process's limit on open files ("Max
 * open files" in /proc/self/limits; 1,024 when it cannot be read) and at most a quarter of its
 * limit on mappings (/proc/sys/vm/max_map_count; 65,530 when it cannot be read) go to bodies; a
 * body beyond the budget is held in memory and written the ordinary way.
 */
final class FileBudget {
  private final int max;
  private final AtomicInteger held = new AtomicInteger();

  FileBudget(int max) {
    this.max = max;
  }

  /** A quarter of this process's limit on open files, and of its limit on mappings. */
  static FileBudget forThisProcess() {
    return new FileBudget(Math.min(openFilesLimit(), mappingsLimit()) / 4);
  }

  /** Takes one file from the budget; false when it is spent. */
  boolean take() {
    for (int now = held.get(); now < max; now = held.get()) {
      if (held.compareAndSet(now, now + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Gives back a file taken with {@link #take}. */
  void giveBack() {
    held.decrementAndGet();
  }

  int held() {
    return held.get();
  }

  int max() {
    return max;
  }

  private static int mappingsLimit() {
    try {
      // Read as lines: Files.readString trusts the size /proc reports and returns a part.
      return Integer.parseInt(
          Files.readAllLines(Path.of("/proc/sys/vm/max_map_count")).getFirst().strip());
    } catch (IOException | RuntimeException e) {
      return 65_530;
    }
  }

  private static int openFilesLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return soft.equals("unlimited") ? 1 << 20 : (int) Math.min(Long.parseLong(soft), 1 << 20);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or no /proc: the common default.
    }
    return 1024;
  }
}
