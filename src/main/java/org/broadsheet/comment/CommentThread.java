package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments arranged as a reader sees them: replies nested under what they answer, down to a set
 * depth; deeper replies stay at the last level and say whom they answer.
 */
public final class CommentThread {
  /** A comment in its place in the thread. */
  public record Entry(Comment comment, int depth, String inReplyTo, List<Entry> replies) {}

  /**
   * One page of a thread: some top-level comments, each with all its replies.
   *
   * @param number the page, from 1
   * @param count how many pages the thread has (at least 1)
   */
  public record Page(List<Entry> entries, int number, int count) {}

  private CommentThread() {}

  /** The thread's top-level entries in the order asked for; replies keep theirs. */
  static List<Entry> ordered(List<Entry> thread, boolean newestFirst) {
    return newestFirst ? thread.reversed() : thread;
  }

  /** Page `number` of an ordered thread, `perPage` top-level comments to a page. */
  static Page page(List<Entry> ordered, int number, int perPage) {
    int count = Math.max(1, (ordered.size() + perPage - 1) / perPage);
    int from = Math.min(ordered.size(), (number - 1) * perPage);
    int to = Math.min(ordered.size(), from + perPage);
    return new Page(number > count ? List.of() : ordered.subList(from, to), number, count);
  }

  /** The page of an ordered thread that shows a comment, or 0 when the thread does not show it. */
  static int pageHolding(List<Entry> ordered, long commentId, int perPage) {
    for (int i = 0; i < ordered.size(); i++) {
      if (holds(ordered.get(i), commentId)) {
        return i / perPage + 1;
      }
    }
    return 0;
  }

  /** Adds the ids of an entry and of all its replies. */
  static void collectIds(Entry entry, List<Long> into) {
    into.add(entry.comment().id());
    entry.replies().forEach(reply -> collectIds(reply, into));
  }

  /** A page arranged from outlines, with each comment replaced by its full row. */
  static Page filledIn(Page outline, Map<Long, Comment> full) {
    return new Page(
        outline.entries().stream().map(entry -> filledIn(entry, full)).toList(),
        outline.number(),
        outline.count());
  }

  private static Entry filledIn(Entry entry, Map<Long, Comment> full) {
    return new Entry(
        full.getOrDefault(entry.comment().id(), entry.comment()),
        entry.depth(),
        entry.inReplyTo(),
        entry.replies().stream().map(reply -> filledIn(reply, full)).toList());
  }

  private static boolean holds(Entry entry, long commentId) {
    if (entry.comment().id() == commentId) {
      return true;
    }
    for (Entry reply : entry.replies()) {
      if (holds(reply, commentId)) {
        return true;
      }
    }
    return false;
  }

  public static List<Entry> arrange(List<Comment> comments, int maxDepth) {
    Map<Long, Comment> byId = new HashMap<>();
    Map<Long, List<Comment>> children = new HashMap<>();
    List<Comment> roots = new ArrayList<>();
    for (Comment comment : comments) {
      byId.put(comment.id(), comment);
    }
    for (Comment comment : comments) {
      if (comment.parentId() == null || !byId.containsKey(comment.parentId())) {
        roots.add(comment);
      } else {
        children.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
      }
    }
    List<Entry> entries = new ArrayList<>();
    int depthLimit = Math.max(1, maxDepth);
    for (Comment root : roots) {
      place(root, null, 1, depthLimit, children, entries);
    }
    return entries;
  }

  private static void place(
      Comment comment,
      Comment parent,
      int depth,
      int maxDepth,
      Map<Long, List<Comment>> children,
      List<Entry> into) {
    List<Comment> replies = children.getOrDefault(comment.id(), List.of());
    if (depth < maxDepth) {
      List<Entry> nested = new ArrayList<>();
      for (Comment reply : replies) {
        place(reply, comment, depth + 1, maxDepth, children, nested);
      }
      into.add(new Entry(comment, depth, null, nested));
      return;
    }
    // At the deepest level replies line up beside what they answer, naming whom they answer.
    boolean flattened = parent != null && depth == maxDepth && isDeepest(parent, into);
    into.add(new Entry(comment, depth, flattened ? parent.authorName() : null, List.of()));
    for (Comment reply : replies) {
      place(reply, comment, depth, maxDepth, children, into);
    }
    into.sort(
        Comparator.comparing((Entry e) -> e.comment().createdAt())
            .thenComparing(e -> e.comment().id()));
  }

  private static boolean isDeepest(Comment parent, List<Entry> siblings) {
    return siblings.stream().anyMatch(e -> e.comment().id() == parent.id());
  }
}
