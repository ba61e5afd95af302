package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;
import org.broadsheet.article.PictureUse;
import org.broadsheet.media.Image;
import org.broadsheet.media.PictureDetails;
import org.broadsheet.media.PictureEdit;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** The models of the picture desk's templates (src/main/jte/newsroom/picture*.jte). */
public final class PicturePages {
  private PicturePages() {}

  /**
   * The library: the upload form, the pictures expiring soon, and a page of pictures.
   *
   * @param message what became of an upload, or null
   * @param problem whether the message is a problem (an alert) or a notice
   */
  public record Library(
      Layout layout,
      PageMeta meta,
      String query,
      List<Entry> pictures,
      List<Entry> expiring,
      int warningDays,
      String maxBytes,
      String csrf,
      String message,
      boolean problem,
      String previous,
      String next) {}

  /**
   * A picture as the library lists it.
   *
   * @param expires its expiry as a date and time in the site's zone, or empty for none
   */
  public record Entry(
      PictureDetails picture, List<PictureUse> uses, String expires, boolean expired) {
    public Image image() {
      return picture.image();
    }

    /** The narrowest copy, for the thumbnail. */
    public int thumbnailWidth() {
      return image().widths().getFirst();
    }

    public String thumbnail() {
      return image().url(thumbnailWidth());
    }

    public int thumbnailHeight() {
      return image().heightAt(thumbnailWidth());
    }
  }

  /**
   * One picture: its rights and default texts in a form (or as text, for who may not edit it), and
   * where it is used.
   *
   * @param values what the form shows: the picture's, or what was typed
   * @param expires the expiry date as shown or typed (yyyy-mm-dd), empty for none
   * @param problems what is wrong, by field name
   */
  public record Picture(
      Layout layout,
      PageMeta meta,
      Entry entry,
      PictureEdit values,
      String expires,
      String timeZone,
      boolean mayEdit,
      Map<String, String> problems,
      String csrf,
      String notice) {
    public boolean invalid(String field) {
      return problems.containsKey(field);
    }

    /** The ids describing a field (its help, its problem), or null for none. */
    public String describedBy(String field, boolean help) {
      String ids =
          ((help ? "picture-" + field + "-help " : "")
                  + (invalid(field) ? "picture-" + field + "-problem" : ""))
              .strip();
      return ids.isEmpty() ? null : ids;
    }
  }
}
