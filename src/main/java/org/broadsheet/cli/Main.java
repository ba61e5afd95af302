package org.broadsheet.cli;

import picocli.CommandLine;

/** Entry point of the broadsheet command. */
public final class Main {
  /**
   * Lucene says through java.util.logging, at every start, that it could use the JDK's incubating
   * vector API; the search works without it (docs/search.md), so an operator is not told. Held here
   * because java.util.logging keeps its loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  private Main() {}

  public static void main(String[] args) {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
    int code = run(args);
    if (code != 0 || !ServeCommand.isServing()) {
      System.exit(code);
    }
  }

  public static int run(String... args) {
    // serve is read on its own: picocli builds the model of every command it is given, and its
    // classes (compiled for Java 5) cannot enter the JVM's ahead-of-time cache, so the whole tree
    // cost a start about 200 ms. Its options, help and errors are the same as through the tree.
    boolean serve = args.length > 0 && args[0].equals("serve");
    CommandLine commandLine =
        serve
            ? new CommandLine(new ServeCommand()).setCommandName("broadsheet serve")
            : new CommandLine(new BroadsheetCommand());
    String[] arguments = serve ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof Refusal) {
            cmd.getErr().println("broadsheet: " + e.getMessage());
            return 2;
          }
          cmd.getErr()
              .println("broadsheet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          return 1;
        });
    return commandLine.execute(arguments);
  }
}
