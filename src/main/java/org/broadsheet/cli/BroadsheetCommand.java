package org.broadsheet.cli;

import picocli.CommandLine.Command;

@Command(
    name = "broadsheet",
    mixinStandardHelpOptions = true,
    version = "Broadsheet 0.1",
    description = "Broadsheet, a self-hosted news publishing platform.",
    subcommands = {
      ServeCommand.class,
      InitCommand.class,
      ImportCommand.class,
      ProofreadCommand.class,
      DictionaryCommand.class,
      SettingsCommand.class,
      ArticlesCommand.class,
      CommentsCommand.class,
      CorrectionsCommand.class,
      AuthorsCommand.class,
      UsersCommand.class,
      AuditCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      TrainCommand.class,
      SearchCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
final class BroadsheetCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // Accepted here too, so --data may stand anywhere on the command line.
  @picocli.CommandLine.Mixin SiteOptions site;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
