package org.broadsheet.proofread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.rules.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LanguageTool's rules and dictionaries, loaded once per language and process, on a thread of their
 * own: a few seconds of work and about 130 MB that no request and no start-up waits for. The first
 * check of a language starts the loading when nothing did before and waits for it; a running site
 * starts it in the background once it serves.
 *
 * <p>A checker (JLanguageTool) is not safe to share between threads, but a second one for a loaded
 * language costs milliseconds, so checks borrow one from a pool and give it back.
 */
final class LanguageModels {
  private static final Logger log = LoggerFactory.getLogger(LanguageModels.class);

  /** Read once at loading, so that everything LanguageTool loads on first use is loaded then. */
  private static final String WARM_UP =
      "The council said on Tuesday that the ferries would run again, and its spokesman agreed.";

  private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

  private LanguageModels() {}

  /** One language's loaded rules, and the checkers made from them. */
  static final class Model {
    private final String tag;
    private final CompletableFuture<Language> language = new CompletableFuture<>();
    private final ConcurrentLinkedQueue<JLanguageTool> idle = new ConcurrentLinkedQueue<>();
    private volatile long loadMillis = -1;

    private Model(String tag) {
      this.tag = tag;
      Thread.ofPlatform().daemon().name("proofread-load-" + tag).start(this::load);
    }

    private void load() {
      long start = System.nanoTime();
      try {
        Language loaded = Languages.getLanguageForShortCode(tag);
        JLanguageTool checker = new JLanguageTool(loaded);
        checker.check(WARM_UP);
        idle.add(checker);
        loadMillis = (System.nanoTime() - start) / 1_000_000;
        log.info("Proofreading model {} loaded in {} ms", tag, loadMillis);
        language.complete(loaded);
      } catch (Throwable e) {
        log.warn("Could not load the proofreading model {}: {}", tag, e.toString());
        language.completeExceptionally(e);
      }
    }

    /** Whether the model is loaded and checks will not wait for it. */
    boolean ready() {
      return language.isDone() && !language.isCompletedExceptionally();
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
        checker = new JLanguageTool(loaded);
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
