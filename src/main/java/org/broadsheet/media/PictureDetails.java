package org.broadsheet.media;

import java.time.Instant;

/**
 * A picture as the newsroom's library shows it: what readers see of it ({@link Image}: copies,
 * default caption and alt text, credit, expiry) and all its rights.
 *
 * @param uploadedBy the newsroom account that uploaded it to the library; null when it came by the
 *     import or the demo edition
 * @param uploadedAt when it was uploaded; null as {@code uploadedBy}
 */
public record PictureDetails(Image image, Rights rights, Long uploadedBy, Instant uploadedAt) {
  public long id() {
    return image.id();
  }

  /** Whether the right to show it has ended by this time. */
  public boolean expiredAt(Instant now) {
    return !image.shownAt(now);
  }
}
