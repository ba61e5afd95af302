package org.broadsheet.cli;

import picocli.CommandLine;

/** Entry point of the broadsheet command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0 || !ServeCommand.isServing()) {
      System.exit(code);
    }
  }

  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new BroadsheetCommand());
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
    return commandLine.execute(args);
  }
}
