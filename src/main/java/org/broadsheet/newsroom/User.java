package org.broadsheet.newsroom;

import java.time.Instant;

/**
 * A person who may sign in to the newsroom. Neither the password hash nor the two-step secret is
 * part of it: they never leave the store and the service.
 *
 * @param authorSlug the byline page this person writes under, or empty
 * @param twoStep whether sign-in asks for a code from an authenticator app
 */
public record User(
    long id,
    String email,
    String name,
    Role role,
    String authorSlug,
    boolean disabled,
    boolean twoStep,
    Instant createdAt) {

  /** Whether this person may do this now: the role decides, and a disabled account may nothing. */
  public boolean may(Permission permission) {
    return !disabled && role.may(permission);
  }
}
