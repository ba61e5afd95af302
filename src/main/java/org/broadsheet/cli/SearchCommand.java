package org.broadsheet.cli;

import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Manages the search index.",
    subcommands = {SearchCommand.Reindex.class})
final class SearchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description = {
        "Rebuilds the search index from the database: every published article whose time has come,"
            + " into a new folder under search-index/ in the data folder.",
        "A site running on this data folder switches to the new index once it is written, catching"
            + " up with what changed meanwhile, and searches keep working throughout; other nodes"
            + " of the site (on the same PostgreSQL) rebuild their own index in the background.",
        "Exit status: 0 when written, 2 when refused (no site), 1 when it failed."
      })
  static final class Reindex implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Override
    public Integer call() throws Exception {
      try (Application application = site.open()) {
        SearchService.Reindexed done = application.search().reindex();
        System.out.printf(
            "Indexed %,d article%s in %.1f s (search-index/%s)%s.%n",
            done.articles(),
            done.articles() == 1 ? "" : "s",
            done.took().toMillis() / 1000.0,
            done.generation(),
            done.siteRunning() ? "; the running site switches to it" : "");
        return 0;
      }
    }
  }
}
