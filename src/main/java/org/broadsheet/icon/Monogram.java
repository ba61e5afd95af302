package org.broadsheet.icon;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The masthead letter B on a square of the site's accent colour, drawn from shapes rather than a
 * font (a server may have no fonts), so the SVG and the PNGs are one drawing. Coordinates are on a
 * 100 by 100 square.
 */
final class Monogram {
  static final String ACCENT = "#a1122b";
  static final String PAPER = "#fdfcf8";

  /** The letter: a stem and two bowls with their counters cut out. */
  private static final Area LETTER = letter();

  private Monogram() {}

  private static Area letter() {
    Area letter = new Area(new Rectangle2D.Double(27, 18, 16, 64));
    letter.add(new Area(new RoundRectangle2D.Double(27, 18, 42, 34, 30, 30)));
    letter.add(new Area(new RoundRectangle2D.Double(27, 46, 47, 36, 32, 32)));
    letter.subtract(new Area(new RoundRectangle2D.Double(43, 29, 14, 12, 12, 12)));
    letter.subtract(new Area(new RoundRectangle2D.Double(43, 57, 18, 14, 14, 14)));
    return letter;
  }

  static byte[] svg() {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">\
        <rect width="100" height="100" fill="%s"/>\
        <path fill="%s" fill-rule="%s" d="%s"/></svg>
        """
            .formatted(ACCENT, PAPER, fillRule(), pathData());
    return svg.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size / 100.0, size / 100.0);
      g.setColor(Color.decode(ACCENT));
      g.fill(new Rectangle2D.Double(0, 0, 100, 100));
      g.setColor(Color.decode(PAPER));
      g.fill(LETTER);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An ICO file holding PNG pictures of these sizes (each at most 256), as browsers read it. */
  static byte[] ico(int... sizes) {
    List<byte[]> pictures = new ArrayList<>();
    int length = 6 + 16 * sizes.length;
    for (int size : sizes) {
      byte[] png = png(size);
      pictures.add(png);
      length += png.length;
    }
    ByteBuffer ico = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    ico.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
    int offset = 6 + 16 * sizes.length;
    for (int i = 0; i < sizes.length; i++) {
      int size = sizes[i];
      ico.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
      ico.put((byte) 0).put((byte) 0);
      ico.putShort((short) 1).putShort((short) 32);
      ico.putInt(pictures.get(i).length).putInt(offset);
      offset += pictures.get(i).length;
    }
    pictures.forEach(ico::put);
    return ico.array();
  }

  private static String fillRule() {
    return LETTER.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD
        ? "evenodd"
        : "nonzero";
  }

  private static String pathData() {
    StringBuilder d = new StringBuilder();
    double[] c = new double[6];
    for (PathIterator path = LETTER.getPathIterator(null); !path.isDone(); path.next()) {
      switch (path.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> d.append('M').append(numbers(c, 2));
        case PathIterator.SEG_LINETO -> d.append('L').append(numbers(c, 2));
        case PathIterator.SEG_QUADTO -> d.append('Q').append(numbers(c, 4));
        case PathIterator.SEG_CUBICTO -> d.append('C').append(numbers(c, 6));
        default -> d.append('Z');
      }
    }
    return d.toString();
  }

  private static String numbers(double[] c, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(String.format(Locale.ROOT, "%.2f", c[i]).replaceFirst("\\.?0+$", ""));
    }
    return String.join(" ", out);
  }
}
