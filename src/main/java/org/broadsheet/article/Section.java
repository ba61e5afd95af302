package org.broadsheet.article;

public record Section(long id, String slug, String name) {
  public String path() {
    return "/section/" + slug;
  }
}
