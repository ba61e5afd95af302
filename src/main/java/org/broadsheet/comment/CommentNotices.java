package org.broadsheet.comment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.mail.Mailer;
import org.broadsheet.web.Signer;

/**
 * The emails a published comment sends: to the article's authors, and to the writer of the comment
 * it answers if they asked to hear of replies, with a one-click unsubscribe link.
 */
public final class CommentNotices {
  private final Mailer mailer;
  private final ArticleService articles;
  private final Signer signer;
  private final Supplier<String> baseUrl;
  private final Supplier<CommentSettings> settings;

  public CommentNotices(
      Mailer mailer,
      ArticleService articles,
      byte[] secret,
      Supplier<String> baseUrl,
      Supplier<CommentSettings> settings) {
    this.mailer = mailer;
    this.articles = articles;
    this.signer = new Signer(secret);
    this.baseUrl = baseUrl;
    this.settings = settings;
  }

  Signer signer() {
    return signer;
  }

  /** Tells who should know that this comment is now published. */
  void published(Article article, Comment comment, Comment answered) {
    if (!mailer.enabled()) {
      return;
    }
    String link = baseUrl.get() + CommentSection.permalink(comment.id());
    if (settings.get().notifyAuthors()) {
      for (String author : articles.authorEmails(article.id())) {
        if (!author.equalsIgnoreCase(comment.authorEmail())) {
          mailer.send(
              new Mailer.Mail(
                  author,
                  "New comment on \"" + article.headline() + "\"",
                  """
                  %s commented on your article "%s":

                  %s

                  Read it on the site: %s
                  """
                      .formatted(comment.authorName(), article.headline(), comment.body(), link),
                  Map.of()));
        }
      }
    }
    if (answered != null
        && answered.notifyReplies()
        && !answered.authorEmail().isBlank()
        && !answered.authorEmail().equalsIgnoreCase(comment.authorEmail())) {
      String unsubscribe = unsubscribeLink(answered.id());
      mailer.send(
          new Mailer.Mail(
              answered.authorEmail(),
              comment.authorName() + " replied to your comment on \"" + article.headline() + "\"",
              """
              %s replied to your comment on "%s":

              %s

              Read the conversation: %s

              You get this email because you asked to be told of replies. To stop, open:
              %s
              """
                  .formatted(
                      comment.authorName(), article.headline(), comment.body(), link, unsubscribe),
              Map.of(
                  "List-Unsubscribe",
                  "<" + unsubscribe + ">",
                  "List-Unsubscribe-Post",
                  "List-Unsubscribe=One-Click")));
    }
  }

  String unsubscribeLink(long commentId) {
    return baseUrl.get()
        + "/comments/unsubscribe?token="
        + URLEncoder.encode(signer.sign("unsubscribe:" + commentId), StandardCharsets.UTF_8);
  }

  /** The comment an unsubscribe token names, if the token is genuine. */
  java.util.Optional<Long> unsubscribeTarget(String token) {
    return signer
        .verify(token)
        .filter(value -> value.startsWith("unsubscribe:"))
        .map(value -> Long.parseLong(value.substring("unsubscribe:".length())));
  }
}
