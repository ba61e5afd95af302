package org.broadsheet.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes an article storable, whoever hands it in (an import, later the newsroom's editor):
 * limits on each field, slugs, names and times. Each check names the field as the person handing it
 * in knows it, so an import can say "title" where the newsroom says "headline".
 */
public final class ArticleRules {
  public static final int MAX_HEADLINE_CHARS = 400;
  public static final int MAX_KICKER_CHARS = 200;
  public static final int MAX_STANDFIRST_CHARS = 1000;
  public static final int MAX_SLUG_CHARS = 160;
  public static final int MAX_TAGS = 20;
  public static final int MAX_AUTHORS = 10;
  public static final int MAX_NAME_CHARS = 120;
  public static final int MAX_DATELINE_CHARS = 100;
  public static final int MAX_SOURCES = 50;
  public static final int MAX_SOURCE_NAME_CHARS = 300;
  public static final int MAX_SOURCE_REASON_CHARS = 1000;
  public static final int MAX_LINK_CHARS = 2000;

  private ArticleRules() {}

  /** Every problem of a draft, by its field (headline, kicker, standfirst, slug, …). */
  public static Map<String, String> problems(ArticleDraft draft) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (draft.headline() == null || draft.headline().isBlank()) {
      problems.put("headline", "the headline is required");
    } else {
      tooLong("headline", draft.headline(), MAX_HEADLINE_CHARS)
          .ifPresent(p -> problems.put("headline", p));
    }
    tooLong("kicker", draft.kicker(), MAX_KICKER_CHARS).ifPresent(p -> problems.put("kicker", p));
    tooLong("standfirst", draft.standfirst(), MAX_STANDFIRST_CHARS)
        .ifPresent(p -> problems.put("standfirst", p));
    slugProblem(draft.slug()).ifPresent(p -> problems.put("slug", p));
    namesProblem("section", List.of(draft.sectionName()), 1)
        .ifPresent(p -> problems.put("section", p));
    namesProblem("tags", draft.tags(), MAX_TAGS).ifPresent(p -> problems.put("tags", p));
    namesProblem("authors", draft.authorNames(), MAX_AUTHORS)
        .ifPresent(p -> problems.put("authors", p));
    if (draft.type() == null) {
      problems.put("type", "type must be one of " + ArticleType.words());
    }
    tooLong("dateline", draft.dateline(), MAX_DATELINE_CHARS)
        .ifPresent(p -> problems.put("dateline", p));
    if (draft.sources() == null) {
      problems.put("sources", "sources must be a list");
    } else {
      countProblem("sources", draft.sources().size(), MAX_SOURCES)
          .or(
              () ->
                  draft.sources().stream()
                      .map(ArticleRules::sourceProblem)
                      .flatMap(Optional::stream)
                      .findFirst())
          .ifPresent(p -> problems.put("sources", p));
    }
    if (draft.status() == null) {
      problems.put("status", "status must be " + ArticleStatus.choices());
    }
    if (draft.publishedAt() == null || draft.updatedAt() == null) {
      problems.put("date", "the date is required");
    } else {
      timesProblem(draft.publishedAt(), draft.updatedAt())
          .ifPresent(p -> problems.put("updated", p));
    }
    return problems;
  }

  /** The article's type, as written: one of {@link ArticleType}'s words. */
  public static Optional<String> typeProblem(String word) {
    return ArticleType.parse(word).isPresent()
        ? Optional.empty()
        : Optional.of("type \"" + word + "\" must be one of " + ArticleType.words());
  }

  /**
   * A source readers can weigh: a named source has a name; an anonymous one says why it is not
   * named; a link is a public web address.
   */
  public static Optional<String> sourceProblem(Source source) {
    if (source.kind() == null) {
      return Optional.of("a source's kind must be one of " + Source.Kind.words());
    }
    if (source.kind() == Source.Kind.ANONYMOUS) {
      if (source.reason() == null || source.reason().isBlank()) {
        return Optional.of("an anonymous source needs a reason: say why the source is not named");
      }
    } else if (source.name() == null || source.name().isBlank()) {
      return Optional.of("a source of kind " + source.kind().word() + " needs a name");
    }
    String link = source.link() == null ? "" : source.link();
    if (!link.isEmpty() && !link.matches("(?i)https?://\\S+")) {
      return Optional.of("source link \"" + link + "\" must be an http:// or https:// address");
    }
    return tooLong("source name", source.name(), MAX_SOURCE_NAME_CHARS)
        .or(() -> tooLong("source link", link, MAX_LINK_CHARS))
        .or(() -> tooLong("source reason", source.reason(), MAX_SOURCE_REASON_CHARS));
  }

  public static Optional<String> tooLong(String field, String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return Optional.empty();
    }
    return Optional.of(
        "%s is %,d characters; it may be at most %,d".formatted(field, text.length(), maxChars));
  }

  public static Optional<String> slugProblem(String slug) {
    if (slug == null || slug.isEmpty()) {
      return Optional.of("the slug is required");
    }
    if (!Slugs.isValid(slug)) {
      return Optional.of(
          "slug \"" + slug + "\" may hold only lower-case letters, digits and single hyphens");
    }
    return Optional.empty();
  }

  /** A section, author or tag name: letters or digits to make its slug from, and not too long. */
  public static Optional<String> nameProblem(String field, String name) {
    if (name == null || name.length() > MAX_NAME_CHARS || Slugs.of(name).isEmpty()) {
      return Optional.of(
          "\""
              + name
              + "\" in "
              + field
              + " must have letters or digits and at most "
              + MAX_NAME_CHARS
              + " characters");
    }
    return Optional.empty();
  }

  public static Optional<String> countProblem(String field, int count, int max) {
    return count > max
        ? Optional.of(field + " lists " + count + "; at most " + max + " are allowed")
        : Optional.empty();
  }

  public static Optional<String> timesProblem(Instant published, Instant updated) {
    return updated.isBefore(published)
        ? Optional.of("updated time comes before the date the article was published")
        : Optional.empty();
  }

  private static Optional<String> namesProblem(String field, List<String> names, int max) {
    if (names == null) {
      return Optional.of(field + " must be a list of names");
    }
    Optional<String> count = countProblem(field, names.size(), max);
    if (count.isPresent()) {
      return count;
    }
    for (String name : names) {
      Optional<String> problem = nameProblem(field, name);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }
}
