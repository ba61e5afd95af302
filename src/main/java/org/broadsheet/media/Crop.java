package org.broadsheet.media;

import java.util.List;
import java.util.Optional;

/**
 * A crop of a picture for one use of it (an article's card on the front page and in listings): the
 * largest part of the upright picture in this aspect ratio, placed as near as it can be to centre
 * on the focal point. Given as a ratio and a point rather than a box, it fits any size the picture
 * has, and a newsroom sets it with two numbers, without a drawing tool or JavaScript.
 *
 * @param ratio one of {@link #RATIOS}, width to height: {@code 16:9}
 * @param focusX the focal point's distance from the left edge, in per cent of the width (0–100)
 * @param focusY the focal point's distance from the top edge, in per cent of the height (0–100)
 */
public record Crop(String ratio, int focusX, int focusY) {
  /** The aspect ratios a card may be cropped to. */
  public static final List<String> RATIOS = List.of("16:9", "3:2", "4:3", "1:1", "4:5");

  public Crop {
    if (!RATIOS.contains(ratio)) {
      throw new IllegalArgumentException("not a crop ratio: " + ratio);
    }
    if (focusX < 0 || focusX > 100 || focusY < 0 || focusY > 100) {
      throw new IllegalArgumentException("a focal point is 0 to 100 per cent");
    }
  }

  /** The crop these typed values describe, if they are one. */
  public static Optional<Crop> parse(String ratio, String focusX, String focusY) {
    if (!RATIOS.contains(ratio)) {
      return Optional.empty();
    }
    Optional<Integer> x = percent(focusX);
    Optional<Integer> y = percent(focusY);
    return x.isPresent() && y.isPresent()
        ? Optional.of(new Crop(ratio, x.get(), y.get()))
        : Optional.empty();
  }

  /** A whole number from 0 to 100, as typed (blank: the middle). */
  public static Optional<Integer> percent(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      return Optional.of(50);
    }
    if (!value.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    int number = Integer.parseInt(value);
    return number <= 100 ? Optional.of(number) : Optional.empty();
  }

  int ratioWidth() {
    return Integer.parseInt(ratio.substring(0, ratio.indexOf(':')));
  }

  int ratioHeight() {
    return Integer.parseInt(ratio.substring(ratio.indexOf(':') + 1));
  }

  /**
   * The box this crop takes of a picture this large: {x, y, width, height} in pixels, inside the
   * picture.
   */
  int[] box(int width, int height) {
    int w = width;
    int h = (int) Math.round((double) width * ratioHeight() / ratioWidth());
    if (h > height) {
      h = height;
      w = (int) Math.round((double) height * ratioWidth() / ratioHeight());
    }
    w = Math.clamp(w, 1, width);
    h = Math.clamp(h, 1, height);
    int x = Math.clamp(Math.round(width * focusX / 100.0 - w / 2.0), 0, width - w);
    int y = Math.clamp(Math.round(height * focusY / 100.0 - h / 2.0), 0, height - h);
    return new int[] {x, y, w, h};
  }

  /** How the crop is written in a picture's copies' names and in the database. */
  String key() {
    return ratio + "@" + focusX + "," + focusY;
  }
}
