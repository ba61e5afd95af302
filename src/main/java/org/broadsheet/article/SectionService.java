package org.broadsheet.article;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.audit.Actor;
import org.broadsheet.audit.AuditService;
import org.broadsheet.storage.Database;

/**
 * The site's sections as the desk keeps them: each one's name, description and place in the
 * navigation, and new ones. A section's slug, and so its address, never changes.
 */
public final class SectionService {
  private final Database database;
  private final AuditService audit;
  private final ArticleStore articles;
  private final SectionStore sections = new SectionStore();

  public SectionService(Database database, AuditService audit, Clock clock) {
    this.database = database;
    this.audit = audit;
    this.articles = new ArticleStore(clock);
  }

  /** Every section, in the navigation's order, with its description. */
  public List<Section> all() {
    return database.read(articles::sections);
  }

  /** Adds a section at the end of the navigation; a blank slug is made from the name. */
  public DeskOutcome add(Actor actor, String name, String slug, String description) {
    String wanted = slug == null || slug.isBlank() ? Slugs.of(clean(name)) : slug.strip();
    Map<String, String> problems = problems(name, description);
    if (!problems.containsKey("name")) {
      ArticleRules.slugProblem(wanted)
          .or(() -> ArticleRules.tooLong("The slug", wanted, 80))
          .ifPresent(problem -> problems.put("slug", capitalised(problem)));
    }
    return database.inTransaction(
        tx -> {
          if (problems.isEmpty() && sections.slugTaken(tx, wanted)) {
            problems.put("slug", "Another section has the slug \"" + wanted + "\".");
          }
          if (!problems.isEmpty()) {
            return new DeskOutcome.Refused(problems);
          }
          sections.add(tx, wanted, clean(name), clean(description));
          audit.record(tx, actor, "section.add", wanted, clean(name));
          return new DeskOutcome.Done(
              "Section " + clean(name) + " added at " + "/section/" + wanted + ".");
        });
  }

  /** Names and describes a section anew; its slug stays. */
  public DeskOutcome describe(Actor actor, String slug, String name, String description) {
    Map<String, String> problems = problems(name, description);
    return database.inTransaction(
        tx -> {
          Optional<Section> before = articles.section(tx, slug);
          if (before.isEmpty()) {
            return new DeskOutcome.NotFound(slug);
          }
          if (!problems.isEmpty()) {
            return new DeskOutcome.Refused(problems);
          }
          sections.describe(tx, slug, clean(name), clean(description));
          String detail =
              before.get().name().equals(clean(name))
                  ? "description"
                  : before.get().name() + " -> " + clean(name);
          audit.record(tx, actor, "section.edit", slug, detail);
          return new DeskOutcome.Done("Section " + clean(name) + " saved.");
        });
  }

  /** Moves a section one place earlier (-1) or later (+1) in the navigation. */
  public DeskOutcome move(Actor actor, String slug, int by) {
    return database.inTransaction(
        tx -> {
          List<Section> order = new ArrayList<>(articles.sections(tx));
          int at = -1;
          for (int i = 0; i < order.size(); i++) {
            if (order.get(i).slug().equals(slug)) {
              at = i;
            }
          }
          if (at < 0) {
            return new DeskOutcome.NotFound(slug);
          }
          int to = at + Integer.signum(by);
          if (to < 0 || to >= order.size()) {
            return DeskOutcome.Refused.of(
                "position",
                by < 0 ? "That section is first already." : "That section is last already.");
          }
          Section moved = order.remove(at);
          order.add(to, moved);
          sections.order(tx, order.stream().map(Section::id).toList());
          audit.record(tx, actor, "section.move", slug, (at + 1) + " -> " + (to + 1));
          return new DeskOutcome.Done(
              "Section " + moved.name() + " moved " + (by < 0 ? "up." : "down."));
        });
  }

  private static Map<String, String> problems(String name, String description) {
    Map<String, String> problems = new LinkedHashMap<>();
    String named = clean(name);
    if (named.isEmpty()) {
      problems.put("name", "The name is required.");
    } else {
      ArticleRules.tooLong("The name", named, Section.MAX_NAME)
          .or(
              () ->
                  Slugs.of(named).isEmpty()
                      ? Optional.of("The name must have letters or digits.")
                      : Optional.empty())
          .ifPresent(problem -> problems.put("name", capitalised(problem)));
    }
    ArticleRules.tooLong("The description", clean(description), Section.MAX_DESCRIPTION)
        .ifPresent(problem -> problems.put("description", capitalised(problem) + "."));
    return problems;
  }

  /** Text as typed, less control characters and the spaces around it. */
  static String clean(String text) {
    return text == null ? "" : text.replaceAll("[\\p{Cc}&&[^\\n]]", "").replace('\n', ' ').strip();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
