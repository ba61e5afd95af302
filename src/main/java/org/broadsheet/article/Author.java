package org.broadsheet.article;

import java.util.List;
import org.broadsheet.media.Image;

/**
 * A byline and the page about its writer.
 *
 * @param jobTitle the writer's role in the newsroom ("Courts reporter"); empty for none
 * @param expertise the fields the writer knows, in the order given
 * @param photo the writer's portrait, or null
 */
public record Author(
    long id,
    String slug,
    String name,
    String bio,
    String jobTitle,
    List<String> expertise,
    Image photo) {

  public Author {
    expertise = List.copyOf(expertise);
  }

  /** A byline as listings show it: the name and the page, without the profile. */
  public Author(long id, String slug, String name, String bio) {
    this(id, slug, name, bio, "", List.of(), null);
  }

  public String path() {
    return "/author/" + slug;
  }
}
