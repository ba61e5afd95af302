package org.broadsheet.newsroom;

import static org.broadsheet.newsroom.Permission.CURATE_FRONT_PAGE;
import static org.broadsheet.newsroom.Permission.EDIT_ANY_ARTICLE;
import static org.broadsheet.newsroom.Permission.EDIT_OWN_ARTICLES;
import static org.broadsheet.newsroom.Permission.KEEP_DICTIONARY;
import static org.broadsheet.newsroom.Permission.MODERATE_COMMENTS;
import static org.broadsheet.newsroom.Permission.PUBLISH;
import static org.broadsheet.newsroom.Permission.SUBMIT_FOR_REVIEW;
import static org.broadsheet.newsroom.Permission.USE_NEWSROOM;
import static org.broadsheet.newsroom.Permission.WRITE_OWN_DRAFTS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A person's role in the newsroom, and with it everything they may do. */
public enum Role {
  /** Everything, people and settings included. */
  ADMINISTRATOR(EnumSet.allOf(Permission.class)),
  /** Edits and publishes anyone's articles, moderates comments, curates the front page. */
  EDITOR(
      EnumSet.of(
          USE_NEWSROOM,
          WRITE_OWN_DRAFTS,
          EDIT_OWN_ARTICLES,
          SUBMIT_FOR_REVIEW,
          EDIT_ANY_ARTICLE,
          PUBLISH,
          MODERATE_COMMENTS,
          CURATE_FRONT_PAGE,
          KEEP_DICTIONARY)),
  /** Writes and edits their own articles and submits them for review; cannot publish. */
  REPORTER(EnumSet.of(USE_NEWSROOM, WRITE_OWN_DRAFTS, EDIT_OWN_ARTICLES, SUBMIT_FOR_REVIEW)),
  /** Their own drafts only. */
  CONTRIBUTOR(EnumSet.of(USE_NEWSROOM, WRITE_OWN_DRAFTS)),
  /** Comments only. */
  MODERATOR(EnumSet.of(USE_NEWSROOM, MODERATE_COMMENTS));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = EnumSet.copyOf(permissions);
  }

  /** The one rule of who may do what. */
  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /** The role as written on the command line and shown: "administrator". */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role as a person reads it: "Administrator". */
  public String title() {
    return name().charAt(0) + word().substring(1);
  }

  public static Optional<Role> parse(String word) {
    return Arrays.stream(values())
        .filter(
            role -> role.word().equals(word == null ? "" : word.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** "administrator, editor, reporter, contributor or moderator", for messages. */
  public static String choices() {
    String all = Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
