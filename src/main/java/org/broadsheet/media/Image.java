package org.broadsheet.media;

/** A stored picture and what a reader needs with it: caption, credit and alt text. */
public record Image(
    long id,
    String fileName,
    String contentType,
    int width,
    int height,
    String caption,
    String credit,
    String altText) {

  /** Public path; file names carry a content hash, so the URL never serves other bytes. */
  public String url() {
    return "/media/" + fileName;
  }
}
