package org.broadsheet.newsroom;

/**
 * What a person in the newsroom may do. Roles grant them ({@link Role}); the server checks one of
 * them before every action, whatever the page showed.
 */
public enum Permission {
  /** Open the newsroom at all. */
  USE_NEWSROOM,
  /** Write drafts of one's own and edit them while they are drafts. */
  WRITE_OWN_DRAFTS,
  /** Edit one's own articles at any stage. */
  EDIT_OWN_ARTICLES,
  /** Send one's own article to an editor for review. */
  SUBMIT_FOR_REVIEW,
  /** Edit anyone's article. */
  EDIT_ANY_ARTICLE,
  /** Publish and unpublish articles. */
  PUBLISH,
  /** Approve, hold, spam and trash comments. */
  MODERATE_COMMENTS,
  /** Add and remove words in the newsroom's proofreading dictionary. */
  KEEP_DICTIONARY,
  /** Choose what leads the front page, and the sections of the navigation. */
  CURATE_FRONT_PAGE,
  /** Add people, change their roles, disable them. */
  MANAGE_USERS,
  /** Change the site's settings. */
  CHANGE_SETTINGS,
  /** Read the audit log. */
  READ_AUDIT_LOG
}
