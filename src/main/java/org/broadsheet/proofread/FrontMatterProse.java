package org.broadsheet.proofread;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The prose of a Markdown file's YAML front matter (the format `import markdown` reads): title,
 * kicker, standfirst (or description) and the lead picture's caption, located in the file through
 * the positions SnakeYAML gives each value. Keys, quotes, escapes and indentation are markup.
 */
final class FrontMatterProse {
  /** The fields a reader reads, as the importer names them. */
  private static final Set<String> PROSE_FIELDS =
      Set.of("title", "kicker", "standfirst", "description", "summary");

  private final String text;
  private final int[] lineStarts;
  private final List<Manuscript.Piece> pieces = new ArrayList<>();
  private int block;

  private FrontMatterProse(String text, int firstBlock) {
    this.text = text;
    this.lineStarts = lineStarts(text);
    this.block = firstBlock;
  }

  /** A front matter that is not valid YAML or not a set of fields; line is the file's. */
  static final class Invalid extends Exception {
    final int line;

    Invalid(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /**
   * The prose pieces of the front matter written on the file's lines 2 to closeLine - 1 (0-based
   * line indexes 1 to closeLine - 1), numbering their blocks from firstBlock.
   */
  static List<Manuscript.Piece> read(String text, int closeLine, int firstBlock) throws Invalid {
    int[] starts = lineStarts(text);
    String yamlText = text.substring(starts[1], Math.max(starts[1], starts[closeLine] - 1));
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    Node root;
    try {
      // Loading checks what composing does not (duplicate keys), as the importer does.
      new Yaml(new SafeConstructor(options)).load(yamlText);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      throw new Invalid(line, "front matter is not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new Invalid(1, "front matter is not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof MappingNode fields)) {
      throw new Invalid(2, "front matter must be a set of \"key: value\" fields");
    }
    FrontMatterProse prose = new FrontMatterProse(text, firstBlock);
    for (NodeTuple field : fields.getValue()) {
      if (!(field.getKeyNode() instanceof ScalarNode key)) {
        continue;
      }
      if (PROSE_FIELDS.contains(key.getValue())
          && field.getValueNode() instanceof ScalarNode value) {
        prose.scalar(value);
      } else if (key.getValue().equals("image")
          && field.getValueNode() instanceof MappingNode image) {
        for (NodeTuple part : image.getValue()) {
          if (part.getKeyNode() instanceof ScalarNode partKey
              && partKey.getValue().equals("caption")
              && part.getValueNode() instanceof ScalarNode caption) {
            prose.scalar(caption);
          }
        }
      }
    }
    return prose.pieces;
  }

  /** Where a YAML mark falls in the file: the front matter starts on the file's second line. */
  private int offset(Mark mark) {
    int lineStart = lineStarts[Math.min(mark.getLine() + 1, lineStarts.length - 1)];
    try {
      return text.offsetByCodePoints(lineStart, mark.getColumn());
    } catch (IndexOutOfBoundsException e) {
      return text.length();
    }
  }

  private void scalar(ScalarNode node) {
    int start = offset(node.getStartMark());
    int end = Math.min(offset(node.getEndMark()), text.length());
    if (node.getValue().isBlank() || end <= start) {
      return;
    }
    int thisBlock = block++;
    ScalarStyle style = node.getScalarStyle();
    switch (style) {
      case DOUBLE_QUOTED -> quoted(start + 1, end - 1, thisBlock, true);
      case SINGLE_QUOTED -> quoted(start + 1, end - 1, thisBlock, false);
      case LITERAL, FOLDED -> {
        // The indicator line (| or >) is markup; the lines below carry the text.
        int firstLine = text.indexOf('\n', start);
        if (firstLine >= 0 && firstLine < end) {
          lines(firstLine + 1, end, thisBlock, true);
        }
      }
      default -> lines(start, end, thisBlock, false);
    }
  }

  /**
   * Lines of prose, their indentation and line breaks being markup; spaces that do not touch a line
   * break are prose.
   */
  private void lines(int start, int end, int thisBlock, boolean startsLine) {
    int lineStart = start;
    while (lineStart < end) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > end) {
        lineEnd = end;
      }
      int from = lineStart;
      int to = lineEnd;
      while ((startsLine || lineStart > start)
          && from < to
          && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (lineEnd < end && to > from && Character.isWhitespace(text.charAt(to - 1))) {
        to--;
      }
      if (to > from) {
        pieces.addAll(Manuscript.proseOf(text, from, to, thisBlock));
      }
      lineStart = lineEnd + 1;
    }
  }

  /** The inside of a quoted value: escapes are read as the character they stand for. */
  private void quoted(int start, int end, int thisBlock, boolean doubleQuoted) {
    int runStart = start;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      int escapeLength = 0;
      String standsFor = null;
      if (doubleQuoted && c == '\\' && i + 1 < end) {
        char next = text.charAt(i + 1);
        escapeLength =
            switch (next) {
              case 'x' -> 4;
              case 'u' -> 6;
              case 'U' -> 10;
              default -> 2;
            };
        standsFor =
            switch (next) {
              case '"', '\\', '/', '\'' -> String.valueOf(next);
              case 'n', 't', ' ', 'N', '_', 'L', 'P' -> " ";
              case 'x', 'u', 'U' -> decode(text, i + 2, Math.min(end, i + escapeLength));
              default -> "";
            };
      } else if (!doubleQuoted && c == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
        escapeLength = 2;
        standsFor = "'";
      }
      if (escapeLength > 0) {
        if (i > runStart) {
          lines(runStart, i, thisBlock, false);
        }
        int escapeEnd = Math.min(end, i + escapeLength);
        pieces.add(new Manuscript.Piece(i, escapeEnd, thisBlock, standsFor));
        i = escapeEnd;
        runStart = i;
      } else {
        i++;
      }
    }
    if (end > runStart) {
      lines(runStart, end, thisBlock, false);
    }
  }

  private static String decode(String text, int from, int to) {
    try {
      return Character.toString(Integer.parseInt(text.substring(from, to), 16));
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
