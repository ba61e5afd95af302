package org.broadsheet.article;

/**
 * Where a picture is used: an article's lead picture or a figure of its body.
 *
 * @param status as stored: draft, published …
 * @param lead true for the lead picture, false for a figure in the body
 */
public record PictureUse(
    long imageId, long articleId, String slug, String headline, String status, boolean lead) {
  /** The article's address (readers see it only once it is published). */
  public String path() {
    return Article.pathOf(slug);
  }
}
