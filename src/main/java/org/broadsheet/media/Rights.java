package org.broadsheet.media;

import java.time.Instant;

/**
 * Who may use a picture and how: written into every served copy (creator, credit line, copyright
 * notice, source and usage terms, as IPTC and XMP) and kept with the picture. A picture whose
 * {@code expires} has passed is withdrawn from public pages.
 *
 * @param expires when the right to show the picture ends; null for never
 */
public record Rights(
    String creator,
    String credit,
    String copyright,
    String source,
    String usageTerms,
    Instant expires) {
  public static final Rights NONE = new Rights("", "", "", "", "", null);

  public static Rights credit(String credit) {
    return new Rights("", credit, "", "", "", null);
  }

  /** These rights, each blank one filled from the other's. */
  public Rights or(Rights other) {
    return new Rights(
        creator.isBlank() ? other.creator : creator,
        credit.isBlank() ? other.credit : credit,
        copyright.isBlank() ? other.copyright : copyright,
        source.isBlank() ? other.source : source,
        usageTerms.isBlank() ? other.usageTerms : usageTerms,
        expires == null ? other.expires : expires);
  }

  /** These rights, each blank one filled from what the file itself says. */
  Rights orFrom(EmbeddedMetadata embedded) {
    return new Rights(
        creator.isBlank() ? embedded.creator() : creator,
        credit.isBlank() ? embedded.credit() : credit,
        copyright.isBlank() ? embedded.copyright() : copyright,
        source,
        usageTerms,
        expires);
  }
}
