package org.broadsheet.proofread;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown file as `import markdown` takes it, YAML front matter then a CommonMark body, read
 * into a {@link Manuscript} whose positions are the file's own.
 */
final class MarkdownFile {
  /** The importer's limit, so that a file the importer takes is a file this reads. */
  static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  private MarkdownFile() {}

  /** A file that cannot be proofread as it is, with the line at fault (0 for the whole file). */
  static final class Unreadable extends Exception {
    final int line;

    Unreadable(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  static Manuscript read(Path file) throws Unreadable {
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new Unreadable(0, "is a folder; name the Markdown files in it");
      }
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
    } catch (NoSuchFileException e) {
      throw new Unreadable(0, "does not exist");
    } catch (CharacterCodingException e) {
      throw new Unreadable(0, "is not valid UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(0, "cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** Reads the text of a Markdown file; its name is what findings will name. */
  static Manuscript parse(String name, String text) throws Unreadable {
    // A byte order mark stays in the text, as markup, so that columns on line 1 stay the file's.
    int first = text.startsWith("\uFEFF") ? 1 : 0;
    int[] lineStarts = FrontMatterProse.lineStarts(text);
    if (!line(text, lineStarts, 0).substring(first).strip().equals("---")) {
      throw new Unreadable(
          1, "must start with YAML front matter: a line \"---\", the fields, then \"---\"");
    }
    int close = -1;
    for (int i = 1; i < lineStarts.length; i++) {
      String line = line(text, lineStarts, i).strip();
      if (line.equals("---") || line.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new Unreadable(
          1, "front matter opened with \"---\" is never closed by a second \"---\" line");
    }
    List<Manuscript.Piece> pieces = new ArrayList<>();
    try {
      pieces.addAll(FrontMatterProse.read(text, close, 0));
    } catch (FrontMatterProse.Invalid invalid) {
      throw new Unreadable(invalid.line, invalid.getMessage());
    }
    int bodyStart = close + 1 < lineStarts.length ? lineStarts[close + 1] : text.length();
    pieces.addAll(MarkdownProse.read(text, bodyStart, pieces.size() + 1));
    return new Manuscript(name, text, pieces);
  }

  /** A stored body: Markdown alone, positions counted from its start. */
  static Manuscript body(String name, String markdown) {
    return new Manuscript(name, markdown, MarkdownProse.read(markdown, 0, 0));
  }

  private static String line(String text, int[] lineStarts, int index) {
    int end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : text.length();
    return text.substring(lineStarts[index], end);
  }
}
