package org.broadsheet.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo edition's pictures: a landscape of sky, hills, buildings and water whose colours
 * and shapes follow from the picture's name, so every run draws the same picture. The demo
 * articles' captions and alt texts describe this drawing and say it is an illustration, never what
 * a photograph of the story would show.
 */
final class DemoPictures {
  static final int WIDTH = 1200;
  static final int HEIGHT = 800;

  private DemoPictures() {}

  static void draw(String name, Path file) throws IOException {
    Random random = new Random(name.hashCode());
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      float hue = random.nextFloat();
      Color skyTop = Color.getHSBColor(hue, 0.45f, 0.55f + random.nextFloat() * 0.3f);
      Color skyBottom = Color.getHSBColor((hue + 0.08f) % 1f, 0.25f, 0.95f);
      int horizon = HEIGHT / 2 + random.nextInt(HEIGHT / 5);
      g.setPaint(new GradientPaint(0, 0, skyTop, 0, horizon, skyBottom));
      g.fillRect(0, 0, WIDTH, horizon);

      g.setColor(new Color(255, 244, 214, 200));
      int sun = 60 + random.nextInt(80);
      g.fillOval(random.nextInt(WIDTH - sun), 40 + random.nextInt(horizon / 3), sun, sun);

      for (int layer = 0; layer < 3; layer++) {
        Path2D.Double hills = new Path2D.Double();
        hills.moveTo(0, HEIGHT);
        int base = horizon - 40 + layer * 30;
        for (int x = 0; x <= WIDTH; x += 40) {
          hills.lineTo(x, base - random.nextInt(60 + layer * 10));
        }
        hills.lineTo(WIDTH, HEIGHT);
        hills.closePath();
        g.setColor(Color.getHSBColor((hue + 0.3f) % 1f, 0.35f, 0.55f - layer * 0.12f));
        g.fill(hills);
      }

      int buildings = 6 + random.nextInt(10);
      for (int i = 0; i < buildings; i++) {
        int w = 40 + random.nextInt(90);
        int h = 60 + random.nextInt(220);
        int x = random.nextInt(WIDTH - w);
        g.setColor(Color.getHSBColor(hue, 0.15f, 0.2f + random.nextFloat() * 0.2f));
        g.fillRect(x, horizon - h + 20, w, h);
        g.setColor(new Color(255, 230, 160, 150));
        for (int wy = horizon - h + 32; wy < horizon; wy += 22) {
          for (int wx = x + 8; wx < x + w - 10; wx += 18) {
            if (random.nextInt(3) == 0) {
              g.fillRect(wx, wy, 8, 10);
            }
          }
        }
      }

      Color waterTop = Color.getHSBColor((hue + 0.55f) % 1f, 0.4f, 0.5f);
      g.setPaint(
          new GradientPaint(0, horizon + 20, waterTop, 0, HEIGHT, waterTop.darker().darker()));
      g.fillRect(0, horizon + 20, WIDTH, HEIGHT - horizon - 20);
      g.setStroke(new BasicStroke(2f));
      g.setColor(new Color(255, 255, 255, 70));
      for (int i = 0; i < 40; i++) {
        int y = horizon + 30 + random.nextInt(HEIGHT - horizon - 30);
        int x = random.nextInt(WIDTH);
        g.drawLine(x, y, x + 30 + random.nextInt(80), y);
      }
    } finally {
      g.dispose();
    }
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(image, "jpg", file.toFile())) {
      throw new IOException("No JPEG writer is available to draw " + file);
    }
  }
}
