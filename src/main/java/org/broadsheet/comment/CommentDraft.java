package org.broadsheet.comment;

/**
 * What a reader typed into the comment form, exactly as received.
 *
 * @param parent the id of the comment answered, as text; blank for a new thread
 * @param honeypot a field hidden from people; only programs fill it in
 */
public record CommentDraft(
    String name,
    String email,
    String website,
    String body,
    String parent,
    boolean notifyReplies,
    String honeypot) {

  public static final CommentDraft EMPTY = new CommentDraft("", "", "", "", "", false, "");
}
