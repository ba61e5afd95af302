package org.broadsheet.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test tools that come from npm (package.json): axe-core and the Nu HTML checker. `./broadsheet
 * test` installs them with `npm ci` when node_modules lacks them.
 */
public final class NodeTools {
  private NodeTools() {}

  public static Path axe() {
    return require("node_modules/axe-core/axe.min.js");
  }

  public static Path vnu() {
    return require("node_modules/vnu-jar/build/dist/vnu.jar");
  }

  private static Path require(String file) {
    Path path = Path.of(file).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          path + " is missing: run `npm ci` (./broadsheet test does it for you)");
    }
    return path;
  }
}
