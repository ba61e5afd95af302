package org.broadsheet.cli;

import org.broadsheet.app.Application;
import org.broadsheet.demo.DemoEdition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Runs the site until stopped with Ctrl-C or SIGTERM; requests in flight finish first."
            + " Creates the site (data folder, database) when there is none yet.")
final class ServeCommand implements Runnable {
  private static volatile boolean serving;

  @Mixin SiteOptions site;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on. Default: $BROADSHEET_PORT, else 8080; 0 picks a free one.")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on. Default: $BROADSHEET_HOST, else 127.0.0.1.")
  String host;

  @Option(names = "--demo", description = "Add the demo edition first, if it is not there yet.")
  boolean demo;

  static boolean isServing() {
    return serving;
  }

  @Override
  public void run() {
    int chosenPort =
        port != null
            ? port
            : Integer.parseInt(System.getenv().getOrDefault("BROADSHEET_PORT", "8080"));
    String chosenHost =
        host != null ? host : System.getenv().getOrDefault("BROADSHEET_HOST", "127.0.0.1");
    Application application = site.openOrCreate();
    if (application.created()) {
      System.out.println(
          "Created a new site in "
              + application.location().dataFolder()
              + " (database: "
              + application.location().databaseShown()
              + ")");
    }
    if (demo) {
      DemoEdition.Installed installed = application.installDemo();
      System.out.printf(
          "Demo edition: %d articles added, %d already there, %d comments added.%n",
          installed.articlesAdded(), installed.articlesKept(), installed.commentsAdded());
    }
    var web = application.serve(chosenHost, chosenPort);
    serving = true;
    System.out.printf(
        "Broadsheet is running at http://%s:%d/ (Ctrl-C stops it)%n", chosenHost, web.port());
    Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
  }
}
