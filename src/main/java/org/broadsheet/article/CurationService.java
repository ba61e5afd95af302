package org.broadsheet.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;

/**
 * The editors' choice of what leads the front page: a pinned lead story and the top stories in
 * their order. Only published articles are ever shown; one that is unpublished drops out, and the
 * newest fill the places left.
 */
public final class CurationService {
  /** Change-log topic of the picks; drops the front page on every node. */
  public static final String TOPIC = "front-page";

  /** Cache tag of the front page. */
  public static final String FRONT_PAGE = "front";

  /** How many top stories may be picked: as many as the front page shows below the lead. */
  public static final int MAX_TOP_STORIES = ArticleService.LATEST_ON_FRONT;

  /** The picks as readers see them now: published articles only. */
  public record Picks(ArticleSummary lead, List<ArticleSummary> top) {}

  /** What an editor may do to the picks. */
  public enum Change {
    PIN("front.pin"),
    UNPIN("front.unpin"),
    ADD("front.add"),
    UP("front.up"),
    DOWN("front.down"),
    REMOVE("front.remove");

    private final String action;

    Change(String action) {
      this.action = action;
    }

    /** The audit log's name for it. */
    public String action() {
      return action;
    }

    public static Optional<Change> parse(String word) {
      for (Change change : values()) {
        if (change.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
          return Optional.of(change);
        }
      }
      return Optional.empty();
    }
  }

  private final Database database;
  private final AuditService audit;
  private final ArticleStore articles;
  private final FrontPageStore picks = new FrontPageStore();

  /**
   * @param clock what time it is for readers: which picks are published and due
   */
  public CurationService(Database database, AuditService audit, Clock clock) {
    this.database = database;
    this.audit = audit;
    this.articles = new ArticleStore(clock);
  }

  public Picks picks() {
    return database.read(tx -> picks(tx, articles));
  }

  /** The picks that are published, in their places; read by the front page too. */
  static Picks picks(Transaction tx, ArticleStore articles) {
    Map<Long, Integer> places = new FrontPageStore().places(tx);
    if (places.isEmpty()) {
      return new Picks(null, List.of());
    }
    List<ArticleSummary> shown =
        new ArrayList<>(articles.published(tx, ArticleStore.Filter.PICKED, 0, places.size()));
    shown.sort(Comparator.comparingInt(story -> places.get(story.id())));
    ArticleSummary lead =
        !shown.isEmpty() && places.get(shown.getFirst().id()) == 0 ? shown.getFirst() : null;
    List<ArticleSummary> top = lead == null ? shown : shown.subList(1, shown.size());
    return new Picks(lead, List.copyOf(top));
  }

  /** The newest published articles not picked, to choose from. */
  public List<ArticleSummary> candidates(int limit) {
    return database.read(
        tx -> {
          Picks current = picks(tx, articles);
          List<Long> picked = ids(current);
          return articles.published(tx, ArticleStore.Filter.ALL, 0, limit + picked.size()).stream()
              .filter(story -> !picked.contains(story.id()))
              .limit(limit)
              .toList();
        });
  }

  /**
   * Makes one change to the picks and records who made it. The article is named by its slug or its
   * address ("/articles/slug", or the full URL).
   */
  public DeskOutcome change(Actor actor, Change change, String article) {
    return database.inTransaction(
        tx -> {
          Picks current = picks(tx, articles);
          Long lead = current.lead() == null ? null : current.lead().id();
          List<Long> top = new ArrayList<>(current.top().stream().map(ArticleSummary::id).toList());
          String slug = slugOf(article);
          Long id = null;
          if (change != Change.UNPIN) {
            Optional<Article> found =
                slug.isEmpty() ? Optional.empty() : articles.bySlug(tx, slug, true);
            if (found.isEmpty()) {
              return DeskOutcome.Refused.of(
                  "article",
                  slug.isEmpty()
                      ? "Name the article: its slug or its address."
                      : "No published article has the slug \"" + slug + "\".");
            }
            id = found.get().id();
          }
          String message;
          switch (change) {
            case PIN -> {
              if (id.equals(lead)) {
                return DeskOutcome.Refused.of("article", "That article already leads.");
              }
              top.remove(id);
              lead = id;
              message = "Pinned as the lead story.";
            }
            case UNPIN -> {
              if (lead == null) {
                return DeskOutcome.Refused.of("article", "No lead story is pinned.");
              }
              lead = null;
              message = "The lead story is no longer pinned; the newest leads.";
            }
            case ADD -> {
              if (id.equals(lead) || top.contains(id)) {
                return DeskOutcome.Refused.of(
                    "article", "That article is already on the list of top stories or leads.");
              }
              if (top.size() >= MAX_TOP_STORIES) {
                return DeskOutcome.Refused.of(
                    "article",
                    "At most " + MAX_TOP_STORIES + " top stories can be picked; remove one first.");
              }
              top.add(id);
              message = "Added to the top stories.";
            }
            case UP, DOWN -> {
              int at = top.indexOf(id);
              int to = change == Change.UP ? at - 1 : at + 1;
              if (at < 0) {
                return DeskOutcome.Refused.of("article", "That article is not a top story.");
              }
              if (to < 0 || to >= top.size()) {
                return DeskOutcome.Refused.of(
                    "article",
                    change == Change.UP
                        ? "That story is first already."
                        : "That story is last already.");
              }
              top.set(at, top.get(to));
              top.set(to, id);
              message = change == Change.UP ? "Moved up." : "Moved down.";
            }
            case REMOVE -> {
              if (id.equals(lead)) {
                lead = null;
              } else if (!top.remove(id)) {
                return DeskOutcome.Refused.of("article", "That article is not picked.");
              }
              message = "Removed from the front page's picks.";
            }
            default -> throw new IllegalStateException();
          }
          picks.replace(tx, lead, top);
          audit.record(tx, actor, change.action(), slug, describe(tx, lead, top));
          return new DeskOutcome.Done(message);
        });
  }

  /** The picks after a change, for the audit log: "lead: a; top: b, c". */
  private String describe(Transaction tx, Long lead, List<Long> top) {
    String leadSlug = lead == null ? "(newest)" : articles.slugOf(tx, lead).orElse("?");
    String topSlugs =
        top.isEmpty()
            ? "(none)"
            : top.stream()
                .map(id -> articles.slugOf(tx, id).orElse("?"))
                .collect(Collectors.joining(", "));
    return "lead: " + leadSlug + "; top: " + topSlugs;
  }

  private static List<Long> ids(Picks picks) {
    List<Long> ids = new ArrayList<>();
    if (picks.lead() != null) {
      ids.add(picks.lead().id());
    }
    picks.top().forEach(story -> ids.add(story.id()));
    return ids;
  }

  /** The slug in "slug", "/articles/slug" or "https://site/articles/slug?x#y". */
  static String slugOf(String article) {
    String text = article == null ? "" : article.strip();
    int cut = text.indexOf('?');
    text = cut >= 0 ? text.substring(0, cut) : text;
    cut = text.indexOf('#');
    text = cut >= 0 ? text.substring(0, cut) : text;
    int at = text.lastIndexOf("/articles/");
    text = at >= 0 ? text.substring(at + "/articles/".length()) : text;
    text = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    return text.length() > 160 ? text.substring(0, 160) : text;
  }
}
