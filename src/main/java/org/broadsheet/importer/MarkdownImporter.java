package org.broadsheet.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.broadsheet.article.Actor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.Correction;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.Figures;
import org.broadsheet.article.PictureProblem;
import org.broadsheet.article.Slugs;
import org.broadsheet.article.Source;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.Rights;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * Imports Markdown files with YAML front matter. Each file is checked whole (fields against the
 * article's own rules, pictures, figures) before anything is written, then its pictures and article
 * are stored in one transaction. Importing the same file again updates the article with the same
 * slug.
 */
public final class MarkdownImporter {
  public static final int MAX_CREDIT_CHARS = 300;
  public static final int MAX_REFERENCE_CHARS = 500;
  private static final Set<String> KNOWN_FIELDS =
      Set.of(
          "title",
          "kicker",
          "standfirst",
          "description",
          "summary",
          "slug",
          "section",
          "categories",
          "tags",
          "authors",
          "author",
          "date",
          "lastmod",
          "updated",
          "status",
          "draft",
          "image",
          "layout",
          "weight",
          "aliases",
          "url",
          "type",
          "dateline",
          "sources",
          "corrections");

  private static final Set<String> IMAGE_FIELDS =
      Set.of(
          "path", "caption", "credit", "alt", "creator", "copyright", "source", "terms", "expires");

  /** When an article with the file's slug exists already. */
  public enum Existing {
    UPDATE,
    KEEP
  }

  private final Database database;
  private final ArticleService articles;
  private final MediaService media;
  private final CorrectionService corrections;

  public MarkdownImporter(
      Database database,
      ArticleService articles,
      MediaService media,
      CorrectionService corrections) {
    this.database = database;
    this.articles = articles;
    this.media = media;
    this.corrections = corrections;
  }

  /** The Markdown files named, folders searched for *.md and *.markdown, in a stable order. */
  public static List<Path> markdownFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown"))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  public ImportOutcome importFile(Path file, Existing existing) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Plan plan = plan(absolute);
      if (existing == Existing.KEEP && articles.exists(plan.slug)) {
        return new ImportOutcome.Skipped(file, plan.slug);
      }
      boolean created = !articles.exists(plan.slug);
      database.inTransaction(tx -> store(tx, plan));
      return new ImportOutcome.Imported(
          file, plan.slug, Article.pathOf(plan.slug), created, plan.warnings);
    } catch (PicturesIncomplete incomplete) {
      return new ImportOutcome.Refused(
          file, incomplete.refusal.line, incomplete.refusal.getMessage());
    } catch (Refusal refusal) {
      return new ImportOutcome.Refused(file, refusal.line, refusal.getMessage());
    } catch (FrontMatterFile.Unreadable unreadable) {
      return new ImportOutcome.Refused(file, unreadable.line, unreadable.getMessage());
    }
  }

  static final class Refusal extends Exception {
    final int line;

    Refusal(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** A published article's picture without alt text or a credit: its transaction rolls back. */
  private static final class PicturesIncomplete extends RuntimeException {
    final Refusal refusal;

    PicturesIncomplete(Refusal refusal) {
      super(refusal.getMessage(), null, false, false);
      this.refusal = refusal;
    }
  }

  /** Everything a file will write, worked out before anything is written. */
  private record Plan(
      String slug,
      String kicker,
      String headline,
      String standfirst,
      String body,
      String section,
      List<String> tags,
      List<String> authors,
      ArticleStatus status,
      Instant published,
      Instant updated,
      ArticlePictures.PicturePlan lead,
      Map<String, ArticlePictures.PicturePlan> figures,
      String source,
      ArticleType type,
      String dateline,
      List<Source> sources,
      List<PlannedCorrection> corrections,
      List<String> warnings) {}

  /** A correction written in the front matter, added on import unless the article has it. */
  private record PlannedCorrection(Correction.Kind kind, String text, Instant date) {}

  private Plan plan(Path file) throws Refusal, FrontMatterFile.Unreadable {
    FrontMatterFile parsed = FrontMatterFile.read(file);
    Map<String, Object> fields = parsed.fields();
    for (String key : fields.keySet()) {
      if (!KNOWN_FIELDS.contains(String.valueOf(key))) {
        throw new Refusal(
            parsed.lineOf(String.valueOf(key)),
            "unknown field \""
                + key
                + "\"; known fields are title, kicker, standfirst, slug, section, tags, authors, date, updated, status, image, type, dateline, sources, corrections");
      }
    }
    String headline = text(parsed, "title", ArticleRules.MAX_HEADLINE_CHARS, true);
    String kicker = text(parsed, "kicker", ArticleRules.MAX_KICKER_CHARS, false);
    String standfirst = text(parsed, "standfirst", ArticleRules.MAX_STANDFIRST_CHARS, false);
    if (standfirst.isEmpty()) {
      standfirst = text(parsed, "description", ArticleRules.MAX_STANDFIRST_CHARS, false);
    }
    String slug = text(parsed, "slug", ArticleRules.MAX_SLUG_CHARS, false);
    if (slug.isEmpty()) {
      slug = Slugs.of(headline);
    } else {
      refuseIf(parsed.lineOf("slug"), ArticleRules.slugProblem(slug));
    }
    if (slug.isEmpty()) {
      throw new Refusal(
          parsed.lineOf("title"),
          "the title gives no letters or digits to make a slug from; add a slug field");
    }
    List<String> sections =
        names(parsed, fields.containsKey("section") ? "section" : "categories", 1);
    String section = sections.isEmpty() ? "News" : sections.getFirst();
    List<String> tags = names(parsed, "tags", ArticleRules.MAX_TAGS);
    List<String> authors =
        names(
            parsed, fields.containsKey("authors") ? "authors" : "author", ArticleRules.MAX_AUTHORS);
    // The site's own time: an undated story is due at once by the clock that shows it.
    Instant published = instant(parsed, "date", articles.now());
    Instant updated =
        instant(parsed, fields.containsKey("updated") ? "updated" : "lastmod", published);
    refuseIf(parsed.lineOf("updated"), ArticleRules.timesProblem(published, updated));
    ArticleStatus status = status(parsed);
    ArticleType type = type(parsed);
    String dateline = text(parsed, "dateline", ArticleRules.MAX_DATELINE_CHARS, false);
    List<Source> sources = sources(parsed);
    List<PlannedCorrection> corrections = corrections(parsed);
    ArticlePictures.Use leadUse = leadImage(file, parsed);
    Map<String, ArticlePictures.Use> figureUses = new LinkedHashMap<>();
    for (Figures.Placement placement : Figures.in(parsed.body())) {
      int line = parsed.bodyFirstLine() + placement.line() - 1;
      if (placement.source().isBlank()) {
        throw new Refusal(line, "figure has no src");
      }
      if (placement.source().matches("(?i)[a-z][a-z0-9+.-]*:.*")
          || placement.source().startsWith("//")) {
        throw new Refusal(
            line,
            "picture \""
                + placement.source()
                + "\" is on another site; Broadsheet pages make no third-party requests, so give a file beside the Markdown");
      }
      figureUses.put(
          placement.source(),
          picture(
              file,
              placement.source(),
              line,
              placement.caption(),
              Rights.credit(placement.credit()),
              placement.alt()));
    }
    ArticlePictures.Planned pictures = ArticlePictures.plan(media, leadUse, figureUses);
    ArticlePictures.PicturePlan lead = pictures.lead();
    Map<String, ArticlePictures.PicturePlan> figures = pictures.figures();
    BodyCheck.Findings body = BodyCheck.of(parsed.body());
    if (!body.remotePictures().isEmpty()) {
      BodyCheck.Remote remote = body.remotePictures().getFirst();
      boolean elsewhere =
          remote.source().matches("(?i)[a-z][a-z0-9+.-]*:.*") || remote.source().startsWith("//");
      throw new Refusal(
          parsed.bodyFirstLine() + remote.line() - 1,
          elsewhere
              ? "picture \""
                  + remote.source()
                  + "\" is on another site; Broadsheet pages make no third-party requests, so give a file beside the Markdown"
              : "picture \""
                  + remote.source()
                  + "\" is inside a paragraph; give it a line of its own (or a figure shortcode) so it becomes a figure");
    }
    List<String> warnings = new ArrayList<>();
    for (BodyCheck.Html html : body.html()) {
      warnings.add(
          "%s:%d: raw HTML %s is not shown on the page (only Markdown is); the text is stored as written"
              .formatted(file, parsed.bodyFirstLine() + html.line() - 1, html.snippet()));
    }
    return new Plan(
        slug,
        kicker,
        headline,
        standfirst,
        parsed.body(),
        section,
        tags,
        authors,
        status,
        published,
        updated,
        lead,
        figures,
        file.toString(),
        type,
        dateline,
        sources,
        corrections,
        warnings);
  }

  /** Stores the plan's pictures and article in the caller's transaction: all or nothing. */
  private long store(Transaction tx, Plan plan) {
    long id = storeArticle(tx, plan);
    if (plan.status == ArticleStatus.PUBLISHED || plan.status == ArticleStatus.SCHEDULED) {
      // The article feature's rule, as the publish action asks it: each picture as the article
      // shows it (its own texts, or the picture's in the library) has alt text and a credit.
      List<PictureProblem> problems = articles.pictureProblems(tx, id);
      if (!problems.isEmpty()) {
        throw new PicturesIncomplete(refusal(plan, problems.getFirst()));
      }
    }
    for (PlannedCorrection correction : plan.corrections) {
      corrections.addUnlessThere(
          tx, plan.slug, correction.kind(), correction.text(), correction.date());
    }
    return id;
  }

  private long storeArticle(Transaction tx, Plan plan) {
    Long leadId = null;
    if (plan.lead != null) {
      leadId = storePicture(tx, plan.lead).id();
    }
    Map<String, Long> figureIds = new LinkedHashMap<>();
    plan.figures.forEach(
        (reference, picture) -> figureIds.put(reference, storePicture(tx, picture).id()));
    return articles.save(
        tx,
        new ArticleDraft(
            plan.slug,
            plan.kicker,
            plan.headline,
            plan.standfirst,
            plan.body,
            plan.section,
            plan.tags,
            plan.authors,
            plan.status,
            plan.published,
            plan.updated,
            leadId,
            figureIds,
            plan.source,
            plan.type,
            plan.dateline,
            plan.sources,
            plan.lead == null || plan.lead.caption().isBlank() ? null : plan.lead.caption(),
            plan.lead == null || plan.lead.alt().isBlank() ? null : plan.lead.alt()),
        Actor.IMPORT);
  }

  private static Refusal refusal(Plan plan, PictureProblem problem) {
    ArticlePictures.PicturePlan picture =
        problem.lead() ? plan.lead : plan.figures.get(problem.reference());
    String missing =
        problem.noAltText() && problem.noCredit()
            ? "alt text and no credit"
            : problem.noAltText() ? "alt text" : "credit";
    return new Refusal(
        picture == null ? 1 : picture.line(),
        "picture \"%s\" has no %s; an article is published only when each of its pictures has both (import it as status: draft until then)"
            .formatted(picture == null ? problem.reference() : picture.reference(), missing));
  }

  private Image storePicture(Transaction tx, ArticlePictures.PicturePlan plan) {
    return media.store(tx, plan.picture(), plan.caption(), plan.alt());
  }

  private static void refuseIf(int line, Optional<String> problem) throws Refusal {
    if (problem.isPresent()) {
      throw new Refusal(line, problem.get());
    }
  }

  private ArticlePictures.Use leadImage(Path file, FrontMatterFile parsed) throws Refusal {
    Object image = parsed.fields().get("image");
    if (image == null) {
      return null;
    }
    int line = parsed.lineOf("image");
    if (image instanceof String path) {
      return picture(file, path, line, "", Rights.NONE, "");
    }
    if (!(image instanceof Map<?, ?> map)) {
      throw new Refusal(line, "image must have path, caption, credit and alt fields");
    }
    for (Object key : map.keySet()) {
      if (!IMAGE_FIELDS.contains(String.valueOf(key))) {
        throw new Refusal(
            line,
            "image has an unknown field \""
                + key
                + "\"; it takes path, caption, credit, alt, creator, copyright, source, terms and expires");
      }
    }
    Object path = map.get("path");
    if (!(path instanceof String text) || text.isBlank()) {
      throw new Refusal(
          line, "image needs a path to a picture file, relative to the Markdown file");
    }
    Instant expires = null;
    Object expiry = map.get("expires");
    if (expiry != null) {
      expires = instantOf(expiry);
      if (expires == null) {
        throw new Refusal(
            line,
            "image expires \""
                + expiry
                + "\" is not a date such as 2027-01-31 or 2027-01-31T12:00:00Z");
      }
    }
    Rights rights =
        new Rights(
            string(map.get("creator")),
            string(map.get("credit")),
            string(map.get("copyright")),
            string(map.get("source")),
            string(map.get("terms")),
            expires);
    for (String field : List.of("creator", "copyright", "source")) {
      if (string(map.get(field)).length() > MAX_CREDIT_CHARS) {
        throw new Refusal(
            line, "image %s may be at most %,d characters".formatted(field, MAX_CREDIT_CHARS));
      }
    }
    return picture(file, text, line, string(map.get("caption")), rights, string(map.get("alt")));
  }

  private ArticlePictures.Use picture(
      Path file, String reference, int line, String caption, Rights rights, String alt)
      throws Refusal {
    if (rights.credit().length() > MAX_CREDIT_CHARS) {
      throw new Refusal(
          line,
          "credit is %,d characters; it may be at most %,d"
              .formatted(rights.credit().length(), MAX_CREDIT_CHARS));
    }
    if (reference.length() > MAX_REFERENCE_CHARS) {
      throw new Refusal(
          line,
          "picture path is %,d characters; it may be at most %,d"
              .formatted(reference.length(), MAX_REFERENCE_CHARS));
    }
    Path picture = file.getParent().resolve(reference).normalize();
    return new ArticlePictures.Use(reference, picture, line, caption, alt, rights);
  }

  private static Instant instantOf(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  private static String text(FrontMatterFile parsed, String key, int maxChars, boolean required)
      throws Refusal {
    Object value = parsed.fields().get(key);
    if (value == null || value.toString().isBlank()) {
      if (required) {
        throw new Refusal(1, "the " + key + " field is required");
      }
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new Refusal(parsed.lineOf(key), key + " must be text");
    }
    String text = value.toString().strip();
    refuseIf(parsed.lineOf(key), ArticleRules.tooLong(key, text, maxChars));
    return text;
  }

  private static List<String> names(FrontMatterFile parsed, String key, int max) throws Refusal {
    Object value = parsed.fields().get(key);
    List<String> names = new ArrayList<>();
    if (value == null) {
      return names;
    }
    List<?> items = value instanceof List<?> list ? list : List.of(value.toString().split(","));
    for (Object item : items) {
      if (item instanceof Map<?, ?> || item instanceof List<?>) {
        throw new Refusal(parsed.lineOf(key), key + " must be a list of names");
      }
      String name = String.valueOf(item).strip();
      if (name.isEmpty()) {
        continue;
      }
      refuseIf(parsed.lineOf(key), ArticleRules.nameProblem(key, name));
      names.add(name);
    }
    refuseIf(parsed.lineOf(key), ArticleRules.countProblem(key, names.size(), max));
    return names;
  }

  private static Instant instant(FrontMatterFile parsed, String key, Instant fallback)
      throws Refusal {
    Object value = parsed.fields().get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notDate) {
        throw new Refusal(
            parsed.lineOf(key),
            key + " \"" + text + "\" is not a date such as 2026-11-20 or 2026-11-20T08:30:00Z");
      }
    }
  }

  private static ArticleStatus status(FrontMatterFile parsed) throws Refusal {
    Object draft = parsed.fields().get("draft");
    Object status = parsed.fields().get("status");
    if (status != null) {
      return ArticleStatus.parse(status.toString())
          .orElseThrow(
              () ->
                  new Refusal(
                      parsed.lineOf("status"),
                      "status \"" + status + "\" must be " + ArticleStatus.choices()));
    }
    if (draft != null) {
      if (!(draft instanceof Boolean flag)) {
        throw new Refusal(parsed.lineOf("draft"), "draft must be true or false");
      }
      return flag ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
    }
    return ArticleStatus.PUBLISHED;
  }

  private static ArticleType type(FrontMatterFile parsed) throws Refusal {
    Object type = parsed.fields().get("type");
    if (type == null) {
      return ArticleType.NEWS;
    }
    String word = type.toString().strip();
    refuseIf(parsed.lineOf("type"), ArticleRules.typeProblem(word));
    return ArticleType.parse(word).orElseThrow();
  }

  /** The sources: a list of {name, kind, link, reason}, each checked by the article's rules. */
  private static List<Source> sources(FrontMatterFile parsed) throws Refusal {
    Object value = parsed.fields().get("sources");
    List<Source> sources = new ArrayList<>();
    if (value == null) {
      return sources;
    }
    int line = parsed.lineOf("sources");
    if (!(value instanceof List<?> items)) {
      throw new Refusal(line, "sources must be a list of {name, kind, link, reason}");
    }
    for (int i = 0; i < items.size(); i++) {
      int itemLine = parsed.lineOfItem("sources", i);
      if (!(items.get(i) instanceof Map<?, ?> map)) {
        throw new Refusal(itemLine, "each source must have name, kind, link and reason fields");
      }
      for (Object key : map.keySet()) {
        if (!Set.of("name", "kind", "link", "reason").contains(String.valueOf(key))) {
          throw new Refusal(
              itemLine,
              "source has an unknown field \"" + key + "\"; it takes name, kind, link and reason");
        }
      }
      String kindWord = string(map.get("kind"));
      Source.Kind kind =
          Source.Kind.parse(kindWord.isEmpty() ? "named person" : kindWord)
              .orElseThrow(
                  () ->
                      new Refusal(
                          itemLine,
                          "source kind \""
                              + kindWord
                              + "\" must be one of "
                              + Source.Kind.words()));
      Source source =
          new Source(
              string(map.get("name")), kind, string(map.get("link")), string(map.get("reason")));
      refuseIf(itemLine, ArticleRules.sourceProblem(source));
      sources.add(source);
    }
    refuseIf(line, ArticleRules.countProblem("sources", sources.size(), ArticleRules.MAX_SOURCES));
    return sources;
  }

  /** The corrections: a list of {date, kind, text}; an import adds those the article lacks. */
  private static List<PlannedCorrection> corrections(FrontMatterFile parsed) throws Refusal {
    Object value = parsed.fields().get("corrections");
    List<PlannedCorrection> corrections = new ArrayList<>();
    if (value == null) {
      return corrections;
    }
    if (!(value instanceof List<?> items)) {
      throw new Refusal(
          parsed.lineOf("corrections"), "corrections must be a list of {date, kind, text}");
    }
    for (int i = 0; i < items.size(); i++) {
      int line = parsed.lineOfItem("corrections", i);
      if (!(items.get(i) instanceof Map<?, ?> map)) {
        throw new Refusal(line, "each correction must have date, kind and text fields");
      }
      for (Object key : map.keySet()) {
        if (!Set.of("date", "kind", "text").contains(String.valueOf(key))) {
          throw new Refusal(
              line,
              "correction has an unknown field \"" + key + "\"; it takes date, kind and text");
        }
      }
      String kindWord = string(map.get("kind"));
      Correction.Kind kind =
          Correction.Kind.parse(kindWord.isEmpty() ? "correction" : kindWord)
              .orElseThrow(
                  () ->
                      new Refusal(
                          line,
                          "correction kind \""
                              + kindWord
                              + "\" must be one of "
                              + Correction.Kind.words()));
      String text = string(map.get("text"));
      refuseIf(line, CorrectionService.problem(kind, text));
      Object date = map.get("date");
      if (date == null) {
        throw new Refusal(line, "a correction needs its date");
      }
      Instant when;
      if (date instanceof Date d) {
        when = d.toInstant();
      } else {
        try {
          when = OffsetDateTime.parse(date.toString().strip()).toInstant();
        } catch (DateTimeParseException notOffset) {
          try {
            when =
                LocalDate.parse(date.toString().strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException notDate) {
            throw new Refusal(line, "correction date \"" + date + "\" is not a date");
          }
        }
      }
      corrections.add(new PlannedCorrection(kind, text, when));
    }
    return corrections;
  }
}
