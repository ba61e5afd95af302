package org.broadsheet.proofread;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.settings.SettingsService;
import org.languagetool.rules.RuleMatch;

/**
 * Proofreads articles before they are published: spelling, grammar and style of the headline,
 * kicker, standfirst, body and captions, in the site's language, never reading markup, code or
 * addresses as words, and taking the newsroom's dictionary as correct.
 */
public final class Proofreader {
  private static final int MAX_SUGGESTIONS = 5;

  /** The field {@link #checkDraft} reads as Markdown. */
  public static final String BODY = "body";

  private static final java.time.Duration PRELOAD_DELAY = java.time.Duration.ofSeconds(3);

  private final Supplier<ProofreadSettings> settings;
  private final Supplier<Set<String>> dictionary;
  private final Function<String, Optional<Article>> articles;

  public Proofreader(
      Supplier<ProofreadSettings> settings,
      Supplier<Set<String>> dictionary,
      Function<String, Optional<Article>> articles) {
    this.settings = settings;
    this.dictionary = dictionary;
    this.articles = articles;
  }

  /** The proofreader of a site: its settings, its newsroom's dictionary, its stored articles. */
  public static Proofreader forSite(
      SettingsService settings,
      NewsroomDictionary dictionary,
      Function<String, Optional<Article>> articles) {
    return new Proofreader(() -> ProofreadSettings.from(settings), dictionary::wordSet, articles);
  }

  /**
   * A proofreader for files where there is no site: settings from the environment and defaults, an
   * empty dictionary, no stored articles.
   */
  public static Proofreader withoutSite(Map<String, String> environment) {
    ProofreadSettings fixed = ProofreadSettings.fromEnvironment(environment);
    return new Proofreader(() -> fixed, Set::of, slug -> Optional.empty());
  }

  /**
   * Starts loading the language model in the background if the settings ask for it, and returns at
   * once. Loading starts a few seconds later, so that it does not take the CPU from a site's first
   * pages; the first check meanwhile starts it at once and waits only for what is left.
   */
  public void preload() {
    ProofreadSettings current = settings.get();
    if (current.preload() && current.checkerLanguage().isPresent()) {
      String tag = current.checkerLanguage().get();
      Thread.ofVirtual()
          .name("proofread-preload")
          .start(
              () -> {
                try {
                  Thread.sleep(PRELOAD_DELAY);
                  warmUp(tag);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }

  /** Whether the site language's model is loaded, so a check will not wait for it. */
  public boolean ready() {
    return settings
        .get()
        .checkerLanguage()
        .map(tag -> LanguageModels.of(tag).ready())
        .orElse(false);
  }

  /**
   * Waits for the model of the site's language, loading it if nothing has yet; returns how long the
   * loading took (this process's only loading, wherever it started), or empty for a language
   * LanguageTool cannot proofread here.
   */
  public Optional<Long> awaitModel() {
    return settings
        .get()
        .checkerLanguage()
        .map(
            tag -> {
              warmUp(tag);
              return LanguageModels.of(tag).loadMillis();
            });
  }

  /**
   * Loads the model (waiting for it) and reads a small Markdown article through it, so that the
   * first real check finds the Markdown and YAML parsers loaded too.
   */
  private static void warmUp(String tag) {
    try {
      LanguageModels.of(tag)
          .check(
              MarkdownFile.parse(
                      "warm-up",
                      """
                      ---
                      title: "Ferry Crews Back at Work"
                      image:
                        caption: The first boat leaves the quay.
                      ---
                      The *first* boat left at dawn, said [the company](https://example.org).

                      {{< figure src="a.jpg" caption="Crews on the quay." >}}
                      """)
                  .annotated());
    } catch (MarkdownFile.Unreadable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Proofreads a Markdown file with front matter, as `import markdown` takes it. */
  public Proofreading checkFile(Path file) {
    try {
      return check(List.of(MarkdownFile.read(file)));
    } catch (MarkdownFile.Unreadable unreadable) {
      return refusedFile(file.toString(), unreadable);
    }
  }

  /** Proofreads the text of a Markdown file with front matter; name is what findings name. */
  public Proofreading checkMarkdown(String name, String text) {
    try {
      return check(List.of(MarkdownFile.parse(name, text)));
    } catch (MarkdownFile.Unreadable unreadable) {
      return refusedFile(name, unreadable);
    }
  }

  /**
   * Proofreads a stored article: its body, whose findings name the slug and point into the stored
   * Markdown, then its headline, kicker, standfirst and lead caption, named slug#headline and so
   * on.
   */
  public Proofreading checkArticle(String slug) {
    Optional<Article> found = articles.apply(slug);
    if (found.isEmpty()) {
      return new Proofreading.Refused("no article has the slug \"" + slug + "\"");
    }
    Article article = found.get();
    List<Manuscript> manuscripts = new ArrayList<>();
    manuscripts.add(MarkdownFile.body(slug, article.body()));
    manuscripts.add(Manuscript.plain(slug + "#headline", article.headline()));
    manuscripts.add(Manuscript.plain(slug + "#kicker", article.kicker()));
    manuscripts.add(Manuscript.plain(slug + "#standfirst", article.standfirst()));
    if (article.leadImage() != null) {
      manuscripts.add(Manuscript.plain(slug + "#caption", article.leadImage().caption()));
    }
    return check(manuscripts);
  }

  /**
   * Proofreads an article as the editor holds it, before or without saving: each field by its name
   * (findings name it as their file), "body" read as Markdown and the others as prose, in the order
   * given. Findings the newsroom chose to ignore in this article are left out.
   */
  public Proofreading checkDraft(Map<String, String> fields, List<IgnoredFinding> ignored) {
    List<Manuscript> manuscripts = new ArrayList<>();
    fields.forEach(
        (name, text) ->
            manuscripts.add(
                name.equals(BODY) ? MarkdownFile.body(name, text) : Manuscript.plain(name, text)));
    Proofreading checked = check(manuscripts);
    if (checked instanceof Proofreading.Checked found && !ignored.isEmpty()) {
      return new Proofreading.Checked(
          found.findings().stream()
              .filter(finding -> ignored.stream().noneMatch(i -> i.matches(finding)))
              .toList());
    }
    return checked;
  }

  /**
   * Whether a finding is a misspelling, which the dictionary can silence and which makes publishing
   * ask "publish anyway".
   */
  public boolean isSpelling(Finding finding) {
    return settings
        .get()
        .checkerLanguage()
        .map(tag -> LanguageModels.of(tag).isSpellingRule(finding.rule()))
        .orElse(false);
  }

  private static Proofreading refusedFile(String name, MarkdownFile.Unreadable unreadable) {
    return new Proofreading.Refused(
        name + (unreadable.line > 0 ? ":" + unreadable.line : "") + ": " + unreadable.getMessage());
  }

  private Proofreading check(List<Manuscript> manuscripts) {
    ProofreadSettings current = settings.get();
    Optional<String> tag = current.checkerLanguage();
    if (tag.isEmpty()) {
      return new Proofreading.Refused(
          "proofreading knows English only so far, and the language is \""
              + current.language()
              + "\"; set proofread.language to en, en-GB or en-US to proofread in English");
    }
    LanguageModels.Model model = LanguageModels.of(tag.get());
    Set<String> known = known(dictionary.get());
    List<Finding> findings = new ArrayList<>();
    for (Manuscript manuscript : manuscripts) {
      if (manuscript.pieces().isEmpty()) {
        continue;
      }
      List<Finding> found = new ArrayList<>();
      for (RuleMatch match : model.check(manuscript.annotated())) {
        finding(manuscript, match, model.isSpelling(match), known).ifPresent(found::add);
      }
      found.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
      findings.addAll(found);
    }
    return new Proofreading.Checked(List.copyOf(findings));
  }

  private static Optional<Finding> finding(
      Manuscript manuscript, RuleMatch match, boolean spelling, Set<String> known) {
    int from = match.getFromPos();
    int to = Math.min(match.getToPos(), manuscript.text().length());
    if (from < 0 || from > to || !manuscript.touchesProse(from, to)) {
      return Optional.empty();
    }
    String text = manuscript.text().substring(from, to).replaceAll("\\s+", " ");
    if (spelling && inDictionary(text, known)) {
      return Optional.empty();
    }
    int[] position = manuscript.lineAndColumn(from);
    List<String> suggestions = match.getSuggestedReplacements();
    return Optional.of(
        new Finding(
            manuscript.name(),
            position[0],
            position[1],
            text,
            match.getMessage().replaceAll("</?suggestion>", "\"").replaceAll("\\s+", " ").strip(),
            List.copyOf(suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()))),
            match.getRule().getId()));
  }

  /**
   * The dictionary's words, and the parts of its hyphenated ones, which the speller reads apart.
   */
  private static Set<String> known(Set<String> words) {
    Set<String> known = new HashSet<>(words);
    for (String word : words) {
      if (word.indexOf('-') > 0) {
        known.addAll(List.of(word.split("-")));
      }
    }
    return known;
  }

  /**
   * Whether the newsroom knows a word: as written, or in any capitals when it was added in lower
   * case (a term, not a name).
   */
  private static boolean inDictionary(String text, Set<String> known) {
    return known.contains(text) || known.contains(text.toLowerCase(Locale.ROOT));
  }
}
