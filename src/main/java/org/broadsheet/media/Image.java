package org.broadsheet.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored picture and what a reader needs with it: caption, credit and alt text, and the widths it
 * is served in.
 *
 * @param fileName the public name of its widest clean copy; narrower copies are named after it
 * @param width width of the widest copy (at most {@link #MAX_WIDTH}), upright
 * @param height height of the widest copy, upright
 * @param sized whether its narrower copies were made (a picture stored by an earlier version is
 *     served at one width until the start-up job has made them)
 * @param expires when the right to show it ends; null for never
 */
public record Image(
    long id,
    String fileName,
    String contentType,
    int width,
    int height,
    String caption,
    String credit,
    String altText,
    boolean sized,
    Instant expires) {

  /** The widths copies are made in, each only for a picture wider than it. */
  public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);

  /** The widest copy served. */
  public static final int MAX_WIDTH = 1920;

  /** A picture served at one width, with no expiry. */
  public Image(
      long id,
      String fileName,
      String contentType,
      int width,
      int height,
      String caption,
      String credit,
      String altText) {
    this(id, fileName, contentType, width, height, caption, credit, altText, false, null);
  }

  /**
   * Public path of the widest copy; names carry a content hash, so a URL never serves other bytes.
   */
  public String url() {
    return "/media/" + fileName;
  }

  /** Widths served, narrowest first, the last being {@link #width()}. */
  public List<Integer> widths() {
    return sized ? widthsFor(width) : List.of(width);
  }

  /** The copies made of a picture whose widest copy is this wide. */
  static List<Integer> widthsFor(int widest) {
    List<Integer> widths = new ArrayList<>();
    for (int w : WIDTHS) {
      if (w < widest) {
        widths.add(w);
      }
    }
    widths.add(widest);
    return widths;
  }

  /** Public path of the copy of this width (one of {@link #widths()}). */
  public String url(int copyWidth) {
    return copyWidth == width ? url() : "/media/" + copyName(fileName, copyWidth);
  }

  /** The name of a narrower copy: the widest copy's name with its width before the extension. */
  static String copyName(String widestName, int copyWidth) {
    int dot = widestName.lastIndexOf('.');
    return widestName.substring(0, dot) + "-" + copyWidth + "w" + widestName.substring(dot);
  }

  /** The {@code srcset} attribute: every copy with its width. */
  public String srcset() {
    return widths().stream().map(w -> url(w) + " " + w + "w").collect(Collectors.joining(", "));
  }

  /** The height of the copy of this width. */
  public int heightAt(int copyWidth) {
    return Math.max(1, Math.round((float) height * copyWidth / width));
  }

  /**
   * The picture as one use of it shows it: with that use's caption and alt text, each null for the
   * picture's own.
   */
  public Image forUse(String useCaption, String useAltText) {
    return new Image(
        id,
        fileName,
        contentType,
        width,
        height,
        useCaption == null ? caption : useCaption,
        credit,
        useAltText == null ? altText : useAltText,
        sized,
        expires);
  }

  /**
   * The picture as a crop of it shows it: the crop's copies (named after its widest, {@code
   * fileName}, as a picture's are), with this alt text (null for the picture's as used).
   */
  public Image cropped(
      String cropFileName, String cropContentType, int cropWidth, int cropHeight, String alt) {
    return new Image(
        id,
        cropFileName,
        cropContentType,
        cropWidth,
        cropHeight,
        caption,
        credit,
        alt == null ? altText : alt,
        true,
        expires);
  }

  /** Whether readers may be shown the picture at this time (its rights have not expired). */
  public boolean shownAt(Instant now) {
    return expires == null || now.isBefore(expires);
  }
}
