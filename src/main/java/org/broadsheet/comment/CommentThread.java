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

  private CommentThread() {}

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
