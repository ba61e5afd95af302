package org.broadsheet.proofread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.ResultCache;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LanguageTool's rules and dictionaries, loaded once per language and process, on a thread of their
 * own: a few seconds of work and about 110 MB that no request and no start-up waits for. The first
 * check of a language starts the loading when nothing did before and waits for it; a running site
 * starts it in the background once it serves.
 *
 * <p>A checker (JLanguageTool) is not safe to share between threads, but a second one for a loaded
 * language costs milliseconds, so checks borrow one from a pool and give it back.
 */
final class LanguageModels {
  private static final Logger log = LoggerFactory.getLogger(LanguageModels.class);

  /**
   * A news story written for this, read at loading a few times over, a little changed each time, so
   * that what LanguageTool loads on first use is loaded and its rule engine compiled by the JIT
   * before the first real check: without it the first checks of a whole article take several times
   * longer than the later ones. Its last paragraph has misspellings, unknown names and a grammar
   * mistake on purpose, so that suggestions are worked out too.
   */
  private static final String WARM_UP_RESOURCE = "/proofread/warm-up.txt";

  private static final int WARM_UP_ROUNDS = 10;

  /** Sentences whose findings are kept, about a hundred long articles' worth. */
  private static final long CACHED_SENTENCES = 10_000;

  /**
   * LanguageTool rules Broadsheet turns off. OXFORD_SPELLING_Z_NOT_S asks British English to write
   * -ize ("organization"), while saying itself that -ise is also correct: British newsrooms write
   * -ise, and a finding on every "organisers" hides the real ones.
   */
  static final List<String> RULES_OFF = List.of("OXFORD_SPELLING_Z_NOT_S");

  private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

  private LanguageModels() {}

  /** One language's loaded rules, and the checkers made from them. */
  static final class Model {
    private final String tag;
    private final CompletableFuture<Language> language = new CompletableFuture<>();
    private final ConcurrentLinkedQueue<JLanguageTool> idle = new ConcurrentLinkedQueue<>();

    /**
     * The findings of sentences checked before, shared by the checkers: while an editor types, only
     * the sentence being changed is checked again.
     */
    private final ResultCache sentences = new ResultCache(CACHED_SENTENCES, 1, TimeUnit.HOURS);

    private volatile long loadMillis = -1;
    private volatile Set<String> spellingRules = Set.of();

    private Model(String tag) {
      this.tag = tag;
      Thread.ofPlatform().daemon().name("proofread-load-" + tag).start(this::load);
    }

    private void load() {
      long start = System.nanoTime();
      try {
        Language loaded = Languages.getLanguageForShortCode(tag);
        JLanguageTool checker = checker(loaded);
        String warmUp = warmUpText();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
          // Changed each round, so the sentence cache does not answer.
          checker.check(warmUp.replace("the ", "the " + round + " "));
        }
        spellingRules =
            checker.getAllSpellingCheckRules().stream()
                .map(Rule::getId)
                .collect(Collectors.toSet());
        idle.add(checker);
        loadMillis = (System.nanoTime() - start) / 1_000_000;
        log.info("Proofreading model {} loaded in {} ms", tag, loadMillis);
        language.complete(loaded);
      } catch (Throwable e) {
        log.warn("Could not load the proofreading model {}: {}", tag, e.toString());
        language.completeExceptionally(e);
      }
    }

    private static String warmUpText() throws IOException {
      try (var in = LanguageModels.class.getResourceAsStream(WARM_UP_RESOURCE)) {
        if (in == null) {
          throw new IOException("missing " + WARM_UP_RESOURCE);
        }
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }

    private JLanguageTool checker(Language loaded) {
      JLanguageTool checker = new JLanguageTool(loaded, null, sentences);
      checker.disableRules(RULES_OFF);
      return checker;
    }

    /** Whether the model is loaded and checks will not wait for it. */
    boolean ready() {
      return language.isDone() && !language.isCompletedExceptionally();
    }

    /**
     * Whether a finding comes from the spelling check, which the newsroom's dictionary silences. By
     * the rule's id: a finding answered from the sentence cache carries no rule object to ask.
     */
    boolean isSpelling(RuleMatch match) {
      return isSpellingRule(match.getRule().getId());
    }

    boolean isSpellingRule(String ruleId) {
      return spellingRules.contains(ruleId);
    }

    /** How long loading took, or -1 while it goes on. */
    long loadMillis() {
      return loadMillis;
    }

    /** Waits for the model if it is still loading, then checks. */
    List<RuleMatch> check(AnnotatedText text) {
      Language loaded = language.join();
      JLanguageTool checker = idle.poll();
      if (checker == null) {
        checker = checker(loaded);
      }
      try {
        return checker.check(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        idle.add(checker);
      }
    }
  }

  /**
   * The model of a language tag LanguageTool knows (en-GB, en-US), starting to load it in the
   * background when this process has not yet.
   */
  static Model of(String tag) {
    return MODELS.computeIfAbsent(tag, Model::new);
  }
}
