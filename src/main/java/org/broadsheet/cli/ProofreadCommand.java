package org.broadsheet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.article.Slugs;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.proofread.Finding;
import org.broadsheet.proofread.Proofreader;
import org.broadsheet.proofread.Proofreading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "proofread",
    mixinStandardHelpOptions = true,
    description = {
      "Proofreads Markdown files (front matter included, as import markdown takes them) or stored"
          + " articles by slug: spelling, grammar and style of the headline, kicker, standfirst,"
          + " body and captions, in the site's language, with the newsroom's dictionary.",
      "Prints one finding a line: FILE:LINE:COLUMN: WORDS: MESSAGE (suggestions: A, B). For a"
          + " slug, FILE is the slug and LINE:COLUMN point into the stored Markdown body; the"
          + " headline, kicker, standfirst and lead caption are SLUG#headline and so on.",
      "Files can be proofread where there is no site (no dictionary then); slugs need one.",
      "Exit status: 0 when nothing is found, 1 when something is, 2 when a file or slug cannot be"
          + " proofread (missing, not UTF-8, invalid front matter, unknown slug)."
    })
final class ProofreadCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|SLUG",
      description =
          "Markdown files, folders to search for *.md and *.markdown, or slugs of stored articles.")
  List<String> targets;

  @Option(
      names = "--json",
      description =
          "Print a JSON list of findings, each with file, line, column, text, message, suggestions"
              + " and rule.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<Path> files = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (String target : targets) {
      Path path = Path.of(target);
      if (Files.exists(path) || !Slugs.isValid(target)) {
        files.addAll(MarkdownImporter.markdownFiles(List.of(path)));
      } else {
        slugs.add(target);
      }
    }
    Location location = site.location();
    if (!location.holdsSite()) {
      if (!slugs.isEmpty()) {
        throw new Refusal(
            SiteOptions.noSite(location)
                + "; \""
                + slugs.getFirst()
                + "\" is no file, and a stored article needs its site");
      }
      return proofread(Proofreader.withoutSite(location.environment()), files, slugs);
    }
    try (Application application = site.open()) {
      return proofread(application.proofreader(), files, slugs);
    }
  }

  private int proofread(Proofreader proofreader, List<Path> files, List<String> slugs)
      throws Exception {
    List<Finding> findings = new ArrayList<>();
    int refused = 0;
    List<Proofreading> outcomes = new ArrayList<>();
    for (Path file : files) {
      outcomes.add(proofreader.checkFile(file));
    }
    for (String slug : slugs) {
      outcomes.add(proofreader.checkArticle(slug));
    }
    for (Proofreading outcome : outcomes) {
      switch (outcome) {
        case Proofreading.Checked checked -> findings.addAll(checked.findings());
        case Proofreading.Refused bad -> {
          refused++;
          System.err.println("broadsheet: " + bad.reason());
        }
      }
    }
    if (json) {
      System.out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(findings));
    } else {
      findings.forEach(finding -> System.out.println(finding.asLine()));
    }
    if (refused > 0) {
      return 2;
    }
    return findings.isEmpty() ? 0 : 1;
  }
}
