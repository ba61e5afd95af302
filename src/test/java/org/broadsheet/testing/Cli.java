package org.broadsheet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.cli.Main;

/** Runs the real broadsheet command in this process and captures what it prints. */
public final class Cli {
  public record Run(int exitCode, String out, String err) {}

  private Cli() {}

  /**
   * Runs a command against a site. Commands are two words ("import markdown", "settings set"), and
   * the site's --data and --database-url go right after them.
   */
  public static synchronized Run run(TestSite site, String... words) {
    List<String> args = new ArrayList<>();
    int firstArgument = 0;
    while (firstArgument < Math.min(2, words.length) && !words[firstArgument].startsWith("-")) {
      args.add(words[firstArgument++]);
    }
    args.addAll(List.of(site.siteOptions()));
    args.addAll(List.of(words).subList(firstArgument, words.length));
    return run(args.toArray(String[]::new));
  }

  /** Runs a command against a site with this text on its standard input. */
  public static synchronized Run withInput(String input, TestSite site, String... words) {
    java.io.InputStream originalIn = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      return run(site, words);
    } finally {
      System.setIn(originalIn);
    }
  }

  public static synchronized Run run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread command = Thread.currentThread();
    try {
      System.setOut(
          new PrintStream(new OnlyFrom(command, out, originalOut), true, StandardCharsets.UTF_8));
      System.setErr(
          new PrintStream(new OnlyFrom(command, err, originalErr), true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /**
   * What the command prints, kept apart from what a site served by the same test process logs
   * meanwhile from its own threads (a search index built in the background, an access log line): a
   * real command runs in a process of its own and would never print those.
   */
  private static final class OnlyFrom extends OutputStream {
    private final Thread command;
    private final OutputStream captured;
    private final OutputStream elsewhere;

    OnlyFrom(Thread command, OutputStream captured, OutputStream elsewhere) {
      this.command = command;
      this.captured = captured;
      this.elsewhere = elsewhere;
    }

    private OutputStream target() {
      return Thread.currentThread() == command ? captured : elsewhere;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      target().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      captured.flush();
      elsewhere.flush();
    }
  }
}
