package org.broadsheet.newsroom;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.proofread.Finding;
import org.broadsheet.proofread.IgnoredFinding;
import org.broadsheet.proofread.IgnoredFindings;
import org.broadsheet.proofread.NewsroomDictionary;
import org.broadsheet.proofread.Proofreader;
import org.broadsheet.proofread.Proofreading;
import org.broadsheet.proofread.Suggestion;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/**
 * What the editor asks of the proofreader: the findings in the text as typed, field by field, a
 * suggestion applied to that text, and the spelling findings still open when an article is to be
 * published. It never waits for the language model in the editor: while the model loads, the editor
 * says so and the next check finds it ready.
 */
public final class EditorProofreading {
  /** The editor's fields the proofreader reads, by their names in the form, in the page's order. */
  static final List<String> FIELDS =
      List.of("kicker", "headline", "standfirst", Proofreader.BODY, "lead-caption");

  static final String STARTING =
      "Proofreading is starting (its language model loads once, in a few seconds): findings will"
          + " show on the next save or check.";

  private final Proofreader proofreader;
  private final IgnoredFindings ignored;
  private final NewsroomDictionary dictionary;
  private final AtomicBoolean loading = new AtomicBoolean();

  EditorProofreading(
      Proofreader proofreader, IgnoredFindings ignored, NewsroomDictionary dictionary) {
    this.proofreader = proofreader;
    this.ignored = ignored;
    this.dictionary = dictionary;
  }

  /** The findings of the editor's page, beside the fields they are in. */
  public record Proofread(String status, Map<String, List<Shown>> byField, boolean mayAddWords) {
    public List<Shown> in(String field) {
      return byField.getOrDefault(field, List.of());
    }

    public int count() {
      return byField.values().stream().mapToInt(List::size).sum();
    }
  }

  /** One finding as the editor shows it, with what its buttons send. */
  public record Shown(Finding finding, boolean spelling) {
    /**
     * What a suggestion's button sends: where the words are, what they are and what replaces them.
     */
    public String apply(String replacement) {
      return encode(
          List.of(
              finding.file(),
              Integer.toString(finding.line()),
              Integer.toString(finding.column()),
              finding.text(),
              replacement));
    }

    /**
     * What "ignore here" sends: the rule and the words, which are what an ignored finding keeps.
     */
    public String ignore() {
      return encode(List.of(finding.rule(), finding.text()));
    }

    public String field() {
      return switch (finding.file()) {
        case "lead-caption" -> "Caption";
        case String name -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
      };
    }
  }

  /** The question asked before publishing with spelling findings open. */
  public record PublishAnyway(
      Layout layout,
      PageMeta meta,
      String heading,
      String headline,
      String editorPath,
      String csrf,
      String to,
      String from,
      String at,
      String back,
      List<EditorProofreading.Shown> findings) {
    public boolean scheduling() {
      return to.equals(ArticleStatus.SCHEDULED.word());
    }
  }

  /**
   * Checks the text as typed, leaving out what was ignored in this article. Never waits for the
   * language model: when it is not loaded yet, loading starts and the status says so.
   */
  Proofread check(long articleId, EditorForm form, User user) {
    boolean mayAddWords = user.role().may(Permission.KEEP_DICTIONARY);
    if (!proofreader.ready()) {
      startLoading();
      return new Proofread(STARTING, Map.of(), mayAddWords);
    }
    return switch (proofreader.checkDraft(fields(form), ignored.in(articleId))) {
      case Proofreading.Refused refused ->
          new Proofread("Proofreading is off: " + refused.reason() + ".", Map.of(), mayAddWords);
      case Proofreading.Checked checked -> {
        Map<String, List<Shown>> byField = new LinkedHashMap<>();
        for (Finding finding : checked.findings()) {
          byField
              .computeIfAbsent(finding.file(), field -> new ArrayList<>())
              .add(new Shown(finding, proofreader.isSpelling(finding)));
        }
        String status =
            checked.findings().isEmpty()
                ? "Proofreading found nothing to correct."
                : "Proofreading: %d finding%s, shown under their fields."
                    .formatted(
                        checked.findings().size(), checked.findings().size() == 1 ? "" : "s");
        yield new Proofread(status, byField, mayAddWords);
      }
    };
  }

  /** Starts loading the language model, if it is not loaded, without waiting for it. */
  void startLoading() {
    if (!proofreader.ready() && loading.compareAndSet(false, true)) {
      Thread.ofVirtual().name("proofread-editor-load").start(proofreader::awaitModel);
    }
  }

  /**
   * The spelling findings still open in the article as stored, which publishing asks to confirm.
   * Publishing is rare and deliberate, so this one waits for the language model if it must.
   */
  List<Finding> openSpelling(long articleId, EditorForm stored) {
    proofreader.awaitModel();
    return switch (proofreader.checkDraft(fields(stored), ignored.in(articleId))) {
      case Proofreading.Refused refused -> List.of();
      case Proofreading.Checked checked ->
          checked.findings().stream().filter(proofreader::isSpelling).toList();
    };
  }

  /** What came of a suggestion's button: the form with the words replaced, or why not. */
  sealed interface Applied {
    record Replaced(EditorForm form, String notice) implements Applied {}

    record NotReplaced(String notice) implements Applied {}
  }

  /**
   * Applies a suggestion to the text as sent: only the words the finding named, only where they
   * still are, and only in a field the proofreader reads.
   */
  Applied apply(EditorForm form, Map<String, String> sent, String button) {
    List<String> parts = decode(button);
    if (parts.size() != 5
        || !FIELDS.contains(parts.get(0))
        || !parts.get(1).matches("\\d{1,9}")
        || !parts.get(2).matches("\\d{1,9}")) {
      return new Applied.NotReplaced("That suggestion could not be read; nothing was replaced.");
    }
    String field = parts.get(0);
    String words = parts.get(3);
    String replacement = parts.get(4);
    Optional<String> replaced =
        Suggestion.apply(
            text(form, field),
            Integer.parseInt(parts.get(1)),
            Integer.parseInt(parts.get(2)),
            words,
            replacement);
    if (replaced.isEmpty()) {
      return new Applied.NotReplaced(
          "\"%s\" is no longer where it was found, so nothing was replaced.".formatted(words));
    }
    Map<String, String> changed = new LinkedHashMap<>(sent);
    changed.put(field, replaced.get());
    return new Applied.Replaced(
        EditorForm.read(changed::get), "\"%s\" is now \"%s\".".formatted(words, replacement));
  }

  /** Ignores a finding in this article from now on; the notice says what came of it. */
  Optional<String> ignore(long articleId, String button) {
    List<String> parts = decode(button);
    if (parts.size() != 2) {
      return Optional.empty();
    }
    IgnoredFinding finding = new IgnoredFinding(parts.get(0), parts.get(1));
    return switch (ignored.ignore(articleId, finding)) {
      case IGNORED -> Optional.of(parts.get(1));
      case ALREADY_IGNORED, REFUSED -> Optional.empty();
    };
  }

  NewsroomDictionary.Change addWord(String word) {
    return dictionary.add(word);
  }

  NewsroomDictionary dictionary() {
    return dictionary;
  }

  static Map<String, String> fields(EditorForm form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : FIELDS) {
      fields.put(field, text(form, field));
    }
    return fields;
  }

  private static String text(EditorForm form, String field) {
    return switch (field) {
      case "kicker" -> form.kicker();
      case "headline" -> form.headline();
      case "standfirst" -> form.standfirst();
      case Proofreader.BODY -> form.body();
      case "lead-caption" -> form.leadCaption();
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** Parts joined as a query string does, so that any character survives a button's value. */
  private static String encode(List<String> parts) {
    return String.join(
        "&", parts.stream().map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).toList());
  }

  private static List<String> decode(String value) {
    if (value == null || value.length() > 2_000) {
      return List.of();
    }
    try {
      return Arrays.stream(value.split("&", -1))
          .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8))
          .toList();
    } catch (IllegalArgumentException badEscape) {
      return List.of();
    }
  }
}
