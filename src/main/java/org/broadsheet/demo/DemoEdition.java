package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.about.TrustPage;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.comment.CommentService;
import org.broadsheet.importer.ImportOutcome;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.settings.SettingsService;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Adds the demo edition to a site. Articles already there are kept as they are; running it again
 * adds nothing.
 */
public final class DemoEdition {
  private static final Pattern PICTURE = Pattern.compile("images/[a-z0-9-]+\\.jpg");

  /** What an installation did. */
  public record Installed(int articlesAdded, int articlesKept, int commentsAdded) {}

  private final MarkdownImporter importer;
  private final ArticleService articles;
  private final CommentService comments;
  private final SettingsService settings;

  public DemoEdition(
      MarkdownImporter importer,
      ArticleService articles,
      CommentService comments,
      SettingsService settings) {
    this.importer = importer;
    this.articles = articles;
    this.comments = comments;
    this.settings = settings;
  }

  public Installed install() {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("broadsheet-demo");
      List<Path> files = unpack(folder);
      int added = 0;
      int kept = 0;
      Set<String> addedSlugs = new LinkedHashSet<>();
      for (Path file : files) {
        switch (importer.importFile(file, MarkdownImporter.Existing.KEEP)) {
          case ImportOutcome.Imported imported -> {
            added++;
            addedSlugs.add(imported.slug());
          }
          case ImportOutcome.Skipped skipped -> kept++;
          case ImportOutcome.Refused refused ->
              throw new IllegalStateException("The demo edition is broken: " + refused.message());
        }
      }
      describeAuthors(addedSlugs.isEmpty());
      writeTrustPages();
      int commentsAdded = seedComments(addedSlugs);
      return new Installed(added, kept, commentsAdded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (folder != null) {
        delete(folder);
      }
    }
  }

  /** The demo newsroom's principles, policies and contact page, where the site has none. */
  private void writeTrustPages() throws IOException {
    for (TrustPage page : TrustPage.values()) {
      if (!settings.get(page.settingKey()).isBlank()) {
        continue;
      }
      String name = "/demo/about/" + page.settingKey().substring("about.".length()) + ".md";
      try (var in = DemoEdition.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("The demo edition lacks " + name);
        }
        settings.set(
            page.settingKey(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
      }
    }
  }

  private List<Path> unpack(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    Set<String> pictures = new LinkedHashSet<>();
    for (String name :
        resource("edition.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      String text = resource(name);
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      files.add(file);
      Matcher matcher = PICTURE.matcher(text);
      while (matcher.find()) {
        pictures.add(matcher.group());
      }
    }
    for (String picture : pictures) {
      DemoPictures.draw(picture, folder.resolve("articles").resolve(picture));
    }
    return files;
  }

  @SuppressWarnings("unchecked")
  private void describeAuthors(boolean nothingAdded) {
    if (nothingAdded) {
      return;
    }
    List<Map<String, Object>> authors =
        (List<Map<String, Object>>) yaml().load(resource("authors.yaml"));
    for (Map<String, Object> author : authors) {
      String slug = String.valueOf(author.get("slug"));
      boolean hasBio = articles.author(slug).map(a -> !a.bio().isBlank()).orElse(false);
      if (!hasBio) {
        articles.describeAuthor(
            String.valueOf(author.get("name")),
            String.valueOf(author.get("bio")),
            String.valueOf(author.getOrDefault("role", "")),
            (List<String>) author.getOrDefault("expertise", List.of()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private int seedComments(Set<String> addedSlugs) {
    Map<String, Object> conversation = (Map<String, Object>) yaml().load(resource("comments.yaml"));
    String slug = String.valueOf(conversation.get("article"));
    if (!addedSlugs.contains(slug)) {
      return 0;
    }
    Article article = articles.any(slug).orElseThrow();
    if (comments.approvedCount(article.id()) > 0) {
      return 0;
    }
    List<CommentService.Seed> seeds = new ArrayList<>();
    for (Map<String, Object> entry : (List<Map<String, Object>>) conversation.get("comments")) {
      Object parent = entry.get("parent");
      Number minutes = (Number) entry.get("minutes_after");
      seeds.add(
          new CommentService.Seed(
              String.valueOf(entry.get("id")),
              parent == null ? null : parent.toString(),
              String.valueOf(entry.get("name")),
              String.valueOf(entry.get("email")),
              entry.get("website") == null ? "" : entry.get("website").toString(),
              String.valueOf(entry.get("body")),
              article.publishedAt().plusSeconds(minutes.longValue() * 60)));
    }
    comments.seed(article.id(), seeds);
    return seeds.size();
  }

  private static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static String resource(String name) {
    try (InputStream in = DemoEdition.class.getResourceAsStream("/demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("The demo edition lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
