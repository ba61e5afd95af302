package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.testing.Cli;
import org.junit.jupiter.api.Test;

/**
 * serve is read on its own, without the model of every other command (a faster start): its help,
 * its refusals and its place in the general help are the same as any other command's.
 */
class ServeOptionsTest {
  @Test
  void serveHelpNamesTheWholeCommandAndEveryOption() {
    Cli.Run help = Cli.run("serve", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: broadsheet serve", "--port", "--host", "--demo", "--data")
        .isEqualTo(Cli.run("help", "serve").out());
  }

  @Test
  void anUnknownOptionIsRefusedWithItsName() {
    Cli.Run run = Cli.run("serve", "--prot", "8080");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option", "--prot");
  }

  @Test
  void serveStillAppearsInTheGeneralHelp() {
    assertThat(Cli.run("--help").out()).contains("serve");
  }
}
