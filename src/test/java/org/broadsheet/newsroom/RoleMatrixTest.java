package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskListing;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every role against every action of the newsroom, over HTTP as a browser sends the forms: an
 * allowed action has its effect; a refused one answers 403 and changes nothing. Each action is
 * tried on a thing of its own, so one role's success never hides another's refusal.
 */
class RoleMatrixTest {
  private static final String REPORTER_BYLINE = "Rita Reporter";
  private static final String CONTRIBUTOR_BYLINE = "Cora Contributor";
  private static final Set<Role> EDITORS = EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR);

  private static TestSite site;
  private static final Map<Role, Reader> readers = new EnumMap<>(Role.class);
  private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private static final AtomicInteger made = new AtomicInteger();

  /** One action: what it needs, how a browser sends it, and how to see that it happened. */
  private interface Action {
    /** Makes what the action works on, sends it as this role, and says whether it took effect. */
    Tried tryAs(Role role);
  }

  private record Tried(int status, BooleanSupplier happened) {}

  @BeforeAll
  static void people() {
    site = NewsroomTesting.site();
    // Comments are posted at once here, and every one waits for a moderator.
    site.application().settings().set("comments.min_fill_seconds", "0");
    site.application().settings().set("comments.moderation", "all");
    // The writers' bylines exist before their accounts are linked to them.
    article(REPORTER_BYLINE, ArticleStatus.DRAFT);
    article(CONTRIBUTOR_BYLINE, ArticleStatus.DRAFT);
    for (Role role : Role.values()) {
      String email = email(role);
      switch (role) {
        case REPORTER -> EditorTesting.addWriter(site, email, "reporter", "rita-reporter");
        case CONTRIBUTOR -> EditorTesting.addWriter(site, email, "contributor", "cora-contributor");
        default -> NewsroomTesting.add(site, email, role.word());
      }
      Reader reader = NewsroomTesting.signedIn(site, email);
      readers.put(role, reader);
      tokens.put(role, NewsroomTesting.hiddenFields(reader, "/newsroom").get("csrf"));
    }
    // Loads the language model once: publishing proofreads first.
    site.application().proofreader().awaitModel();
  }

  @AfterAll
  static void close() {
    site.close();
  }

  private static String email(Role role) {
    return role.word() + "@harbour.example";
  }

  /** A stored article with this byline and state, with text the proofreader finds nothing in. */
  private static long article(String byline, ArticleStatus status) {
    int n = made.incrementAndGet();
    Instant at = Instant.now().minusSeconds(600);
    return site.application()
        .articles()
        .save(
            new ArticleDraft(
                "matrix-" + n,
                "",
                "Harbour Council Meets Again " + n,
                "The council met on Tuesday.",
                "The council met on Tuesday evening and agreed to meet again next week.",
                "Politics",
                List.of(),
                List.of(byline),
                status,
                at,
                at,
                null,
                Map.of(),
                null));
  }

  private static ArticleStatus status(long id) {
    return site.application().articles().desk(id).orElseThrow().status();
  }

  private static String headline(long id) {
    return site.application().articles().desk(id).orElseThrow().headline();
  }

  /** Sends a form as this role's browser would, from the site's own page, with its token. */
  private static HttpResponse<String> post(Role role, String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", tokens.get(role));
    form.putAll(fields);
    return readers.get(role).post(path, form, Map.of("Origin", site.url("")));
  }

  /** The editor's form for an article as an administrator's browser shows it, headline changed. */
  private static Map<String, String> editedForm(long id, String headline) {
    Map<String, String> form =
        EditorTesting.editorForm(readers.get(Role.ADMINISTRATOR), "/newsroom/articles/" + id);
    form.remove("csrf");
    form.put("headline", headline);
    return form;
  }

  private static Action move(String byline, ArticleStatus from, ArticleStatus to) {
    return role -> {
      long id = article(byline, from);
      HttpResponse<String> answer =
          post(
              role,
              "/newsroom/articles/" + id + "/move",
              Map.of("from", from.word(), "to", to.word(), "anyway", "yes"));
      return new Tried(answer.statusCode(), () -> status(id) == to);
    };
  }

  private static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();
  private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

  private static void action(String name, Set<Role> allowed, Action action) {
    ALLOWED.put(name, allowed);
    ACTIONS.put(name, action);
  }

  static {
    action(
        "write a new article",
        EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR, Role.REPORTER, Role.CONTRIBUTOR),
        role -> {
          String headline = "New Ferry Timetable For " + role.title();
          HttpResponse<String> answer =
              post(
                  role,
                  "/newsroom/articles/new",
                  Map.of(
                      "version", "0",
                      "headline", headline,
                      "body", "The ferry leaves at nine.",
                      "section", "Politics",
                      "type", "news"));
          return new Tried(
              answer.statusCode(),
              () ->
                  site
                      .application()
                      .articles()
                      .desk(new DeskListing.Query(null, null, null, headline, 1, 10, null))
                      .entries()
                      .stream()
                      .anyMatch(a -> a.headline().equals(headline)));
        });
    action(
        "edit someone else's published article",
        EDITORS,
        role -> {
          long id = article("Ada Quill", ArticleStatus.PUBLISHED);
          String changed = "Changed By " + role.title();
          HttpResponse<String> answer =
              post(role, "/newsroom/articles/" + id, editedForm(id, changed));
          return new Tried(answer.statusCode(), () -> headline(id).equals(changed));
        });
    action(
        "edit a reporter's draft",
        EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR, Role.REPORTER),
        role -> {
          long id = article(REPORTER_BYLINE, ArticleStatus.DRAFT);
          String changed = "Draft Changed By " + role.title();
          HttpResponse<String> answer =
              post(role, "/newsroom/articles/" + id, editedForm(id, changed));
          return new Tried(answer.statusCode(), () -> headline(id).equals(changed));
        });
    action(
        "submit a reporter's draft for review",
        EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR, Role.REPORTER),
        move(REPORTER_BYLINE, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW));
    action(
        "submit a contributor's draft for review",
        EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR),
        move(CONTRIBUTOR_BYLINE, ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW));
    action(
        "publish an article in review",
        EDITORS,
        move(REPORTER_BYLINE, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED));
    action(
        "unpublish a published article",
        EDITORS,
        move(REPORTER_BYLINE, ArticleStatus.PUBLISHED, ArticleStatus.UNPUBLISHED));
    action(
        "move an article to the trash",
        EDITORS,
        move(REPORTER_BYLINE, ArticleStatus.DRAFT, ArticleStatus.TRASH));
    action(
        "approve a held comment",
        EnumSet.of(Role.ADMINISTRATOR, Role.EDITOR, Role.MODERATOR),
        role -> {
          long comment = heldComment(role);
          HttpResponse<String> answer =
              post(role, "/newsroom/comments", Map.of("one", "approve:" + comment));
          return new Tried(
              answer.statusCode(),
              () ->
                  site.application().comments().find(comment).orElseThrow().status()
                      == CommentStatus.APPROVED);
        });
    action(
        "pin the front page's lead",
        EDITORS,
        role -> {
          long id = article("Ada Quill", ArticleStatus.PUBLISHED);
          String slug = site.application().articles().desk(id).orElseThrow().slug();
          HttpResponse<String> answer =
              post(role, "/newsroom/front", Map.of("article", slug, "change", "pin"));
          return new Tried(
              answer.statusCode(),
              () ->
                  Jsoup.parse(site.get("/").body())
                      .select(".lead-headline")
                      .text()
                      .equals(headline(id)));
        });
    action(
        "edit a section",
        EDITORS,
        role -> {
          String name = "Politics " + role.title();
          HttpResponse<String> answer =
              post(
                  role,
                  "/newsroom/sections",
                  Map.of(
                      "action", "save",
                      "slug", "politics",
                      "name", name,
                      "description", "Councils and votes."));
          return new Tried(
              answer.statusCode(),
              () ->
                  site.application().articles().sections().stream()
                      .anyMatch(s -> s.name().equals(name)));
        });
    action(
        "add a word to the newsroom's dictionary",
        EDITORS,
        role -> {
          String word = "Quellhaven" + role.word().substring(0, 3);
          HttpResponse<String> answer = post(role, "/newsroom/dictionary", Map.of("add", word));
          return new Tried(
              answer.statusCode(), () -> site.application().dictionary().words().contains(word));
        });
    action(
        "change someone's role",
        EnumSet.of(Role.ADMINISTRATOR),
        role -> {
          String email = "victim-" + role.word() + "@harbour.example";
          NewsroomTesting.add(site, email, "reporter");
          HttpResponse<String> answer =
              post(role, "/newsroom/users/role", Map.of("email", email, "role", "editor"));
          return new Tried(
              answer.statusCode(),
              () -> site.application().accounts().find(email).orElseThrow().role() == Role.EDITOR);
        });
    action(
        "change a setting",
        EnumSet.of(Role.ADMINISTRATOR),
        role -> {
          String description = "News of the harbour, as the " + role.word() + " would have it.";
          HttpResponse<String> answer =
              post(
                  role,
                  "/newsroom/settings",
                  Map.of("key", "site.description", "value", description));
          return new Tried(
              answer.statusCode(),
              () -> site.application().settings().get("site.description").equals(description));
        });
    action(
        "edit a trust page",
        EnumSet.of(Role.ADMINISTRATOR),
        role -> {
          String text = "The paper is owned by its readers; written by the " + role.word() + ".";
          HttpResponse<String> answer =
              post(role, "/newsroom/settings", Map.of("key", "about.ownership", "value", text));
          return new Tried(
              answer.statusCode(),
              () -> site.application().settings().get("about.ownership").equals(text));
        });
    action(
        "read the audit log",
        EnumSet.of(Role.ADMINISTRATOR),
        role -> {
          HttpResponse<String> answer = readers.get(role).get("/newsroom/audit");
          return new Tried(
              answer.statusCode(), () -> answer.body().contains("class=\"audit-log\""));
        });
  }

  /** A held comment of its own for this try, posted by a first-time reader. */
  private static long heldComment(Role role) {
    Reader reader = new Reader(site);
    String name = "Reader" + made.incrementAndGet();
    HttpResponse<String> posted =
        reader.comment(
            NewsroomTesting.ARTICLE,
            new HashMap<>(
                Map.of(
                    "name", name,
                    "email", name.toLowerCase() + "@example.org",
                    "comment", "A first comment about the vote, as " + role.word() + " sees.")));
    String location = posted.headers().firstValue("location").orElseThrow();
    long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    assertThat(site.application().comments().find(id).orElseThrow().status())
        .isEqualTo(CommentStatus.HELD);
    return id;
  }

  @TestFactory
  List<DynamicTest> everyRoleAgainstEveryAction() {
    List<DynamicTest> tests = new ArrayList<>();
    ACTIONS.forEach(
        (name, action) -> {
          for (Role role : Role.values()) {
            boolean allowed = ALLOWED.get(name).contains(role);
            tests.add(
                DynamicTest.dynamicTest(
                    role.word() + (allowed ? " may " : " may not ") + name,
                    () -> {
                      Tried tried = action.tryAs(role);
                      if (allowed) {
                        assertThat(tried.status()).isIn(200, 303);
                        assertThat(tried.happened().getAsBoolean()).isTrue();
                      } else {
                        assertThat(tried.status()).isEqualTo(403);
                        assertThat(tried.happened().getAsBoolean()).isFalse();
                      }
                    }));
          }
        });
    return tests;
  }
}
