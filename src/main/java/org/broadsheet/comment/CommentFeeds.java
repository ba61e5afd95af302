package org.broadsheet.comment;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.broadsheet.article.Article;

/** Atom feeds of comments, made by ROME: one per article and one for the whole site. */
final class CommentFeeds {
  static final int ENTRIES = 50;

  private CommentFeeds() {}

  static String feed(
      String title,
      String baseUrl,
      String selfPath,
      String alternatePath,
      List<Comment> comments,
      Function<Long, Article> articleOf) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(title);
    feed.setUri(baseUrl + selfPath);
    feed.setLink(baseUrl + alternatePath);
    SyndLinkImpl self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(baseUrl + selfPath);
    self.setType("application/atom+xml");
    SyndLinkImpl alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setHref(baseUrl + alternatePath);
    alternate.setType("text/html");
    feed.setLinks(List.of(alternate, self));
    feed.setPublishedDate(
        comments.isEmpty() ? new Date(0) : Date.from(comments.getFirst().createdAt()));
    List<SyndEntry> entries = new ArrayList<>();
    Map<Long, Article> articles = new java.util.HashMap<>();
    for (Comment comment : comments) {
      Article article = articles.computeIfAbsent(comment.articleId(), articleOf);
      if (article == null) {
        continue;
      }
      // The id stays as it always was; the link is the permalink, which finds the comment's page.
      String id = baseUrl + article.path() + "#comment-" + comment.id();
      String link = baseUrl + CommentSection.permalink(comment.id());
      SyndEntry entry = new SyndEntryImpl();
      entry.setTitle(
          "Comment by " + comment.authorName() + " on \u201c" + article.headline() + "\u201d");
      entry.setLink(link);
      entry.setUri(id);
      entry.setAuthor(comment.authorName());
      entry.setPublishedDate(Date.from(comment.createdAt()));
      entry.setUpdatedDate(Date.from(comment.createdAt()));
      SyndContent content = new SyndContentImpl();
      content.setType("html");
      content.setValue(CommentText.toHtml(comment.body()));
      entry.setContents(List.of(content));
      entries.add(entry);
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("Could not write the comment feed", e);
    }
  }
}
