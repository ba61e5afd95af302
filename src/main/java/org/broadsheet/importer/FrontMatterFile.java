package org.broadsheet.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** A Markdown file split into its YAML front matter and its body, with line numbers kept. */
record FrontMatterFile(
    Map<String, Object> fields, String frontMatterText, String body, int bodyFirstLine) {
  /** Largest file accepted: far above any article, far below what would strain memory. */
  static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  /** Thrown for a file that cannot be read as front matter and Markdown. */
  static final class Unreadable extends Exception {
    final int line;

    Unreadable(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  static FrontMatterFile read(Path file) throws Unreadable {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new Unreadable(
            0,
            "is %,d bytes; a Markdown file may be at most %,d bytes"
                .formatted(size, MAX_FILE_BYTES));
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable(0, "is not valid UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(0, "cannot be read: " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      throw new Unreadable(
          1, "must start with YAML front matter: a line \"---\", the fields, then \"---\"");
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new Unreadable(
          1, "front matter opened with \"---\" is never closed by a second \"---\" line");
    }
    String yamlText = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
    Object parsed;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      parsed = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      throw new Unreadable(line, "front matter is not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new Unreadable(1, "front matter is not valid YAML: " + e.getMessage());
    }
    if (parsed == null) {
      parsed = Map.of();
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new Unreadable(2, "front matter must be a set of \"key: value\" fields");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) map;
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length));
    return new FrontMatterFile(fields, yamlText, body, close + 2);
  }

  /** The file line on which a front matter field is written, for error messages. */
  int lineOf(String key) {
    String[] lines = frontMatterText.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
        return i + 2;
      }
    }
    return 1;
  }

  /**
   * The file line of the n-th item (from 0) of a list written in block style under a field ("-
   * name: …"); the field's own line when the list is written otherwise.
   */
  int lineOfItem(String key, int index) {
    String[] lines = frontMatterText.split("\n", -1);
    int field = lineOf(key) - 2;
    int seen = -1;
    for (int i = field + 1; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
        break;
      }
      if (line.strip().startsWith("- ") || line.strip().equals("-")) {
        seen++;
        if (seen == index) {
          return i + 2;
        }
      }
    }
    return field + 2;
  }
}
