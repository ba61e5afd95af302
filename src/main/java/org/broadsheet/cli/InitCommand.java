package org.broadsheet.cli;

import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.storage.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a new, empty site: the data folder and the database (SQLite file, or the schema in"
          + " an empty PostgreSQL database). Every other command but serve refuses a folder or"
          + " database without a site.",
      "Exit status: 0 when created, 2 when a site is there already (nothing is changed)."
    })
final class InitCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Override
  public Integer call() {
    Location location = site.location();
    if (location.holdsSite()) {
      throw new Refusal(
          "a site is already in "
              + (location.engine() == Engine.SQLITE
                  ? location.dataFolder().toString()
                  : location.databaseShown())
              + "; nothing was changed");
    }
    try (Application application = site.openOrCreate()) {
      System.out.println("Created a new site in " + location.dataFolder());
      System.out.println("  database: " + location.databaseShown());
      System.out.println("  pictures: in the database");
      System.out.println("Serve it with: ./broadsheet serve --data " + location.dataFolder());
    }
    return 0;
  }
}
