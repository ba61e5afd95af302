package org.broadsheet.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.Figures;
import org.broadsheet.article.Seo;
import org.broadsheet.article.Slugs;
import org.broadsheet.article.Source;
import org.broadsheet.media.Crop;

/**
 * The editor's form exactly as the writer typed it: every field a text, so that a refused save, a
 * conflict or an expired session shows it again word for word.
 *
 * @param authors the bylines, names separated by commas
 * @param tags names separated by commas
 * @param leadImage the number of a stored picture, or empty for none
 * @param cardRatio the aspect ratio of the card's crop of the lead picture ({@link Crop#RATIOS});
 *     empty for the whole picture
 * @param cardFocusX the crop's focal point from the left, in per cent
 * @param cardFocusY the crop's focal point from the top, in per cent
 * @param cardAlt the card picture's alt text; empty for the lead's
 * @param version the version of the article the writer started from; empty for a new one
 */
public record EditorForm(
    String kicker,
    String headline,
    String standfirst,
    String body,
    String section,
    String tags,
    String authors,
    String leadImage,
    String leadCaption,
    String leadAlt,
    String cardRatio,
    String cardFocusX,
    String cardFocusY,
    String cardAlt,
    String slug,
    String seoTitle,
    String seoDescription,
    String type,
    String dateline,
    List<SourceRow> sources,
    boolean commentsOpen,
    String version) {

  /**
   * The longest body the editor takes: a long read is some 60,000 characters, and this many of any
   * script, sent as a form, stays under the 1 MB a request may carry.
   */
  public static final int MAX_BODY_CHARS = 100_000;

  /** The longest alt text of a card's picture, as of a picture's own (the picture library's). */
  public static final int MAX_CARD_ALT_CHARS = 1_000;

  /** The most source rows a form is read with: every source allowed, and some empty. */
  static final int MAX_SOURCE_ROWS = ArticleRules.MAX_SOURCES + 10;

  /** Empty source rows the form offers for new sources, besides those already given. */
  static final int SPARE_SOURCE_ROWS = 2;

  /** A body's figure names a stored picture by its number: {@code src="picture:12"}. */
  static final Pattern PICTURE = Pattern.compile("picture:(\\d{1,18})");

  /** One source as typed; all empty is no source. */
  public record SourceRow(String kind, String name, String link, String reason) {
    boolean blank() {
      return name.isBlank() && link.isBlank() && reason.isBlank();
    }
  }

  /** What the form makes of itself: a draft to store, or the problems by field. */
  sealed interface Reading {
    record Draft(ArticleDraft draft, Seo seo) implements Reading {}

    record Problems(Map<String, String> problems) implements Reading {}
  }

  /** The names of every field, for keeping them across a sign-in. */
  static final List<String> FIELDS =
      List.of(
          "kicker",
          "headline",
          "standfirst",
          "body",
          "section",
          "tags",
          "authors",
          "lead-image",
          "lead-caption",
          "lead-alt",
          "lead-file",
          "card-ratio",
          "card-focus-x",
          "card-focus-y",
          "card-alt",
          "slug",
          "seo-title",
          "seo-description",
          "type",
          "dateline",
          "source-rows",
          "comments",
          "version");

  /** The form as sent; a missing field is empty. */
  static EditorForm read(Function<String, String> field) {
    Function<String, String> text =
        name -> Optional.ofNullable(field.apply(name)).orElse("").replace("\u0000", "");
    int rows = Math.clamp(number(text.apply("source-rows")), 0, MAX_SOURCE_ROWS);
    List<SourceRow> sources = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      sources.add(
          new SourceRow(
              text.apply("source-kind-" + i),
              text.apply("source-name-" + i),
              text.apply("source-link-" + i),
              text.apply("source-reason-" + i)));
    }
    return new EditorForm(
        text.apply("kicker"),
        text.apply("headline"),
        text.apply("standfirst"),
        text.apply("body").replace("\r\n", "\n"),
        text.apply("section"),
        text.apply("tags"),
        text.apply("authors"),
        text.apply("lead-image").strip(),
        text.apply("lead-caption"),
        text.apply("lead-alt"),
        text.apply("card-ratio").strip(),
        text.apply("card-focus-x").strip(),
        text.apply("card-focus-y").strip(),
        text.apply("card-alt"),
        text.apply("slug").strip(),
        text.apply("seo-title"),
        text.apply("seo-description"),
        text.apply("type"),
        text.apply("dateline"),
        sources,
        !text.apply("comments").isEmpty(),
        text.apply("version").strip());
  }

  /** An empty form for a new article, with the writer's byline. */
  static EditorForm blank(String byline) {
    return new EditorForm(
        "",
        "",
        "",
        "",
        "",
        "",
        byline,
        "",
        "",
        "",
        "",
        "50",
        "50",
        "",
        "",
        "",
        "",
        ArticleType.NEWS.word(),
        "",
        List.of(),
        true,
        "");
  }

  /**
   * The stored article in the form, as the newsroom wrote it: the lead picture's caption and alt
   * text only where this article gives its own.
   */
  static EditorForm of(ArticleDraft stored, Seo seo, boolean commentsOpen, long version) {
    return new EditorForm(
        text(stored.kicker()),
        text(stored.headline()),
        text(stored.standfirst()),
        text(stored.body()),
        text(stored.sectionName()),
        String.join(", ", stored.tags()),
        String.join(", ", stored.authorNames()),
        stored.leadImageId() == null ? "" : Long.toString(stored.leadImageId()),
        text(stored.leadCaption()),
        text(stored.leadAltText()),
        stored.cardCrop() == null ? "" : stored.cardCrop().ratio(),
        Integer.toString(stored.cardCrop() == null ? 50 : stored.cardCrop().focusX()),
        Integer.toString(stored.cardCrop() == null ? 50 : stored.cardCrop().focusY()),
        text(stored.cardAltText()),
        text(stored.slug()),
        seo.title(),
        seo.description(),
        stored.type().word(),
        text(stored.dateline()),
        stored.sources().stream()
            .map(
                s ->
                    new SourceRow(
                        s.kind().word(), text(s.name()), text(s.link()), text(s.reason())))
            .toList(),
        commentsOpen,
        Long.toString(version));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** The same text, started from another version: the writer saves over what is stored now. */
  EditorForm startedFrom(String otherVersion) {
    return new EditorForm(
        kicker,
        headline,
        standfirst,
        body,
        section,
        tags,
        authors,
        leadImage,
        leadCaption,
        leadAlt,
        cardRatio,
        cardFocusX,
        cardFocusY,
        cardAlt,
        slug,
        seoTitle,
        seoDescription,
        type,
        dateline,
        sources,
        commentsOpen,
        otherVersion);
  }

  /** The given sources and a few empty rows to add more, without JavaScript. */
  public List<SourceRow> sourceRows() {
    List<SourceRow> rows = new ArrayList<>(sources.stream().filter(r -> !r.blank()).toList());
    for (int i = 0; i < SPARE_SOURCE_ROWS; i++) {
      rows.add(new SourceRow(Source.Kind.NAMED_PERSON.word(), "", "", ""));
    }
    return rows;
  }

  /**
   * The draft this form describes, over the stored article (whose status and times it keeps), or
   * the problems the form itself shows before the article's rules are asked.
   *
   * @param pictureExists whether a stored picture has this number
   * @param leadUploaded whether a file sent with the form is to be the lead picture (its number is
   *     set once it is stored; the number typed is then not used)
   */
  Reading draft(
      ArticleDraft stored, Instant now, LongPredicate pictureExists, boolean leadUploaded) {
    Map<String, String> problems = new LinkedHashMap<>();
    Long leadId = null;
    if (!leadImage.isEmpty() && !leadUploaded) {
      if (!leadImage.matches("\\d{1,18}") || !pictureExists.test(Long.parseLong(leadImage))) {
        problems.put("lead-image", "there is no stored picture numbered \"" + leadImage + "\"");
      } else {
        leadId = Long.parseLong(leadImage);
      }
    }
    if (body.length() > MAX_BODY_CHARS) {
      problems.put(
          "body",
          "the body is %,d characters; it may be at most %,d"
              .formatted(body.length(), MAX_BODY_CHARS));
    }
    Map<String, Long> figures = new LinkedHashMap<>();
    if (stored != null) {
      figures.putAll(stored.figureImageIds());
    }
    for (Figures.Placement placement : Figures.in(body)) {
      Matcher picture = PICTURE.matcher(placement.source());
      if (picture.matches()) {
        long id = Long.parseLong(picture.group(1));
        if (pictureExists.test(id)) {
          figures.put(placement.source(), id);
        } else {
          problems.putIfAbsent(
              "body",
              "line %d places picture %d, which is not stored".formatted(placement.line(), id));
        }
      }
    }
    boolean hasLead = leadId != null || leadUploaded;
    Crop crop = null;
    if (!cardRatio.isEmpty()) {
      Optional<Crop> typed = Crop.parse(cardRatio, cardFocusX, cardFocusY);
      if (typed.isEmpty()) {
        problems.put(
            "card-ratio",
            Crop.RATIOS.contains(cardRatio)
                ? "the focal point is given in whole per cent, from 0 to 100"
                : "the crop's shape must be one of " + String.join(", ", Crop.RATIOS));
      } else if (!hasLead) {
        problems.put("card-ratio", "a crop for the card needs a lead picture");
      } else {
        crop = typed.get();
      }
    }
    if (cardAlt.length() > MAX_CARD_ALT_CHARS) {
      problems.put(
          "card-alt",
          "the card's alt text is %,d characters; it may be at most %,d"
              .formatted(cardAlt.length(), MAX_CARD_ALT_CHARS));
    }
    Optional<ArticleType> articleType = ArticleType.parse(type);
    if (articleType.isEmpty()) {
      problems.put("type", "type must be one of " + ArticleType.words());
    }
    List<Source> given = new ArrayList<>();
    for (SourceRow row : sources) {
      if (row.blank()) {
        continue;
      }
      Optional<Source.Kind> kind = Source.Kind.parse(row.kind());
      if (kind.isEmpty()) {
        problems.putIfAbsent("sources", "a source's kind must be one of " + Source.Kind.words());
        continue;
      }
      given.add(
          new Source(row.name().strip(), kind.get(), row.link().strip(), row.reason().strip()));
    }
    String chosenSlug = slug.isEmpty() ? Slugs.of(headline) : slug;
    Instant published = stored == null ? now : stored.publishedAt();
    ArticleDraft draft =
        new ArticleDraft(
            chosenSlug,
            kicker.strip(),
            headline.strip(),
            standfirst.strip(),
            body,
            section.strip(),
            names(tags),
            names(authors),
            stored == null ? ArticleStatus.DRAFT : stored.status(),
            published,
            now.isBefore(published) ? published : now,
            leadId,
            figures,
            stored == null ? null : stored.sourcePath(),
            articleType.orElse(ArticleType.NEWS),
            dateline.strip(),
            given,
            !hasLead || leadCaption.isBlank() ? null : leadCaption.strip(),
            !hasLead || leadAlt.isBlank() ? null : leadAlt.strip(),
            crop,
            crop == null || cardAlt.isBlank() ? null : cardAlt.strip());
    if (!problems.isEmpty()) {
      Map<String, String> all = new LinkedHashMap<>(ArticleRules.problems(draft));
      all.putAll(problems);
      all.putAll(new Seo(seoTitle, seoDescription).problems());
      return new Reading.Problems(all);
    }
    return new Reading.Draft(draft, new Seo(seoTitle, seoDescription));
  }

  /** Names separated by commas, each trimmed, empty ones left out. */
  static List<String> names(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
