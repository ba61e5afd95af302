package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.media.Image;

/**
 * A picture that keeps its article from being published: it lacks alt text or a credit as the
 * article shows it (the use's own, or else the picture's).
 *
 * @param reference the body's reference to the picture (its {@code src}); empty for the lead
 * @param imageId the picture in the library
 */
public record PictureProblem(String reference, long imageId, boolean noAltText, boolean noCredit) {

  public boolean lead() {
    return reference.isEmpty();
  }

  /** "The lead picture has no credit; …", for the person about to publish. */
  public String message() {
    String which = lead() ? "The lead picture" : "The picture \"" + reference + "\" in the body";
    String missing =
        noAltText && noCredit ? "alt text and no credit" : noAltText ? "alt text" : "credit";
    return which
        + " has no "
        + missing
        + "; an article is published only when each of its pictures has both. Add them in the"
        + " picture library (/newsroom/pictures/"
        + imageId
        + ") or in the article.";
  }

  /** The problems of an article's pictures as it shows them, lead first, then the body's order. */
  static List<PictureProblem> of(Article article) {
    List<PictureProblem> problems = new ArrayList<>();
    Image lead = article.leadImage();
    if (lead != null) {
      add(problems, "", lead.id(), lead.altText(), lead.credit());
    }
    for (Figures.Placement placement : Figures.in(article.body())) {
      Image picture = article.figures().get(placement.source());
      if (picture != null) {
        add(
            problems,
            placement.source(),
            picture.id(),
            placement.alt().isBlank() ? picture.altText() : placement.alt(),
            placement.credit().isBlank() ? picture.credit() : placement.credit());
      }
    }
    return problems;
  }

  private static void add(
      List<PictureProblem> problems, String reference, long id, String alt, String credit) {
    boolean noAlt = alt == null || alt.isBlank();
    boolean noCredit = credit == null || credit.isBlank();
    if (noAlt || noCredit) {
      problems.add(new PictureProblem(reference, id, noAlt, noCredit));
    }
  }
}
