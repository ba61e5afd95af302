package org.broadsheet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.importer.ImportOutcome;
import org.broadsheet.importer.MarkdownImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports articles from other systems.",
    subcommands = {ImportCommand.Markdown.class})
final class ImportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @picocli.CommandLine.Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "markdown",
      mixinStandardHelpOptions = true,
      description = {
        "Imports Markdown files with YAML front matter (Hugo, Jekyll).",
        "Prints each imported article's public path. A file with an error is reported with its line and nothing of it is written; the others are imported.",
        "Imports into an existing site only; a new site starts with init or serve.",
        "Exit status: 0 when every file was imported, 1 when any was refused, 2 when there is no"
            + " site."
      })
  static final class Markdown implements Callable<Integer> {
    @Mixin SiteOptions site;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE|DIR",
        description = "Markdown files, or folders to search for *.md and *.markdown.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
      List<Path> files = MarkdownImporter.markdownFiles(paths);
      if (files.isEmpty()) {
        System.err.println("broadsheet: no Markdown files found in " + paths);
        return 1;
      }
      int refused = 0;
      try (Application application = site.open()) {
        for (Path file : files) {
          switch (application.importer().importFile(file, MarkdownImporter.Existing.UPDATE)) {
            case ImportOutcome.Imported imported -> {
              imported.warnings().forEach(warning -> System.err.println("warning: " + warning));
              System.out.println(imported.publicPath());
            }
            case ImportOutcome.Skipped skipped -> System.out.println("/articles/" + skipped.slug());
            case ImportOutcome.Refused bad -> {
              refused++;
              System.err.println("error: " + bad.message());
            }
          }
        }
      }
      return refused == 0 ? 0 : 1;
    }
  }
}
