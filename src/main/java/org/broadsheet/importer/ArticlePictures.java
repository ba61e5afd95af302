package org.broadsheet.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.Rights;

/**
 * The pictures one Markdown file uses, before anything is written: each file read, checked and its
 * copies made once however often the article uses it; uses of one file sharing its rights (a figure
 * that gives no credit has the lead's) and default alt text. Whether a published article's pictures
 * all have alt text and a credit is the article feature's rule, asked once they are stored ({@link
 * MarkdownImporter}).
 */
final class ArticlePictures {
  /** A use of a picture file as the Markdown writes it, before the file is read. */
  record Use(String reference, Path path, int line, String caption, String alt, Rights given) {}

  /** A picture to store, checked and its copies made; {@code reference} as the file writes it. */
  record PicturePlan(
      String reference, int line, MediaService.Prepared picture, String caption, String alt) {}

  /** The lead picture (null for none) and the body's figures by reference. */
  record Planned(PicturePlan lead, Map<String, PicturePlan> figures) {}

  private ArticlePictures() {}

  static Planned plan(MediaService media, Use leadUse, Map<String, Use> figureUses)
      throws MarkdownImporter.Refusal {
    List<Use> uses = new ArrayList<>(figureUses.values());
    if (leadUse != null) {
      uses.addFirst(leadUse);
    }
    Map<Path, Rights> rights = new LinkedHashMap<>();
    Map<Path, String> defaultAlt = new LinkedHashMap<>();
    for (Use use : uses) {
      rights.merge(use.path(), use.given(), Rights::or);
      if (!use.alt().isBlank()) {
        defaultAlt.putIfAbsent(use.path(), use.alt());
      }
    }
    Map<Path, MediaService.Prepared> prepared = new LinkedHashMap<>();
    for (Use use : uses) {
      if (!prepared.containsKey(use.path())) {
        prepared.put(
            use.path(),
            switch (media.prepare(use.path(), rights.get(use.path()))) {
              case MediaService.Preparation.Ready ready -> ready.picture();
              case MediaService.Preparation.Refused refused ->
                  throw new MarkdownImporter.Refusal(
                      use.line(),
                      "picture \"" + use.reference() + "\" refused: " + refused.reason());
            });
      }
    }
    java.util.function.Function<Use, PicturePlan> plan =
        use ->
            new PicturePlan(
                use.reference(),
                use.line(),
                prepared.get(use.path()),
                use.caption(),
                use.alt().isBlank() ? defaultAlt.getOrDefault(use.path(), "") : use.alt());
    PicturePlan lead = leadUse == null ? null : plan.apply(leadUse);
    Map<String, PicturePlan> figures = new LinkedHashMap<>();
    figureUses.forEach((reference, use) -> figures.put(reference, plan.apply(use)));
    return new Planned(lead, figures);
  }
}
