package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.ARTICLE;
import static org.broadsheet.newsroom.NewsroomTesting.parse;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.comment.CommentQueue;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The moderators' queue at /newsroom/comments, as moderators and other roles meet it. */
class CommentQueueTest {
  private static final String MODERATOR = "mod@example.org";
  private static final String QUEUE = "/newsroom/comments";

  static Engine[] engines() {
    return TestSite.engines();
  }

  /** A site whose comments all wait for a moderator, with a moderator to sign in. */
  private static TestSite site(Engine engine) {
    TestSite site = NewsroomTesting.site(engine);
    site.application().settings().set("comments.min_fill_seconds", "0");
    site.application().settings().set("comments.moderation", "all");
    NewsroomTesting.add(site, MODERATOR, "moderator");
    return site;
  }

  private static long comment(TestSite site, String name, String text) {
    Reader reader = new Reader(site);
    HttpResponse<String> posted =
        reader.comment(
            ARTICLE,
            new HashMap<>(
                Map.of(
                    "name", name, "email", name.toLowerCase() + "@example.org", "comment", text)));
    String location = posted.headers().firstValue("location").orElseThrow();
    return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
  }

  /** Sends the queue's form as a browser would: its hidden fields, then these (repeatable) ones. */
  private static HttpResponse<String> send(
      Reader reader, TestSite site, String page, String action, List<String[]> fields) {
    Document document = reader.page(page);
    List<String[]> form = new ArrayList<>();
    Element first = document.selectFirst("main form[method=post]");
    first
        .select("input[type=hidden]")
        .forEach(i -> form.add(new String[] {i.attr("name"), i.val()}));
    form.addAll(fields);
    return post(reader, site, action, form, site.url(""));
  }

  private static HttpResponse<String> post(
      Reader reader, TestSite site, String action, List<String[]> form, String origin) {
    String body =
        form.stream()
            .map(
                f ->
                    URLEncoder.encode(f[0], StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site.url(action)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return reader.send(request.build());
  }

  private static CommentStatus status(TestSite site, long id) {
    return site.application().comments().find(id).orElseThrow().status();
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aModeratorApprovesHeldCommentsInBulkAndTheyShowOnThePublicPageAtOnce(Engine engine) {
    try (TestSite site = site(engine)) {
      long first = comment(site, "Ann", "The ferry timetable matters more than the vote.");
      long second = comment(site, "Bob", "Councillors should publish the harbour survey.");
      long third = comment(site, "Cy", "Waiting for the second round.");
      Reader anonymous = new Reader(site);
      anonymous.get(ARTICLE);
      assertThat(anonymous.get(ARTICLE).headers().firstValue("X-Cache")).hasValue("HIT");
      assertThat(site.application().comments().waiting().held()).isEqualTo(3);

      Reader moderator = NewsroomTesting.signedIn(site, MODERATOR);
      assertThat(moderator.page("/newsroom").select("main a[href^=" + QUEUE + "]").eachText())
          .contains("Comments waiting for a moderator", "3 comments wait for moderation");
      Document queue = moderator.page(QUEUE);
      assertThat(queue.select(".queue-item")).hasSize(3);
      assertThat(queue.select(".queue-item h3").eachText().getFirst()).startsWith("Cy");
      assertThat(queue.select(".queue-tabs a[aria-current=page]").text()).isEqualTo("Held (3)");
      Element ann = queue.getElementById("queue-" + first);
      assertThat(ann.text())
          .contains("ann@example.org", "Approved before 0 from this email", "Spam probability");
      assertThat(ann.select("label[for=select-" + first + "]").text()).contains("Ann");

      HttpResponse<String> approved =
          send(
              moderator,
              site,
              QUEUE,
              QUEUE,
              List.of(
                  new String[] {"id", Long.toString(first)},
                  new String[] {"id", Long.toString(second)},
                  new String[] {"action", "approve"}));
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
      assertThat(approved.headers().firstValue("location").orElseThrow())
          .isEqualTo(QUEUE + "?list=held&done=approve&count=2");
      assertThat(moderator.page(QUEUE + "?list=held&done=approve&count=2").text())
          .contains("2 comments approved");

      Document page = new Reader(site).page(ARTICLE);
      assertThat(page.getElementById("comment-" + first)).isNotNull();
      assertThat(page.getElementById("comment-" + second)).isNotNull();
      assertThat(page.getElementById("comment-" + third)).isNull();
      assertThat(status(site, third)).isEqualTo(CommentStatus.HELD);

      // One comment by its own button.
      HttpResponse<String> trashed =
          send(
              moderator,
              site,
              QUEUE,
              QUEUE,
              List.<String[]>of(new String[] {"one", "trash:" + third}));
      assertThat(trashed.statusCode()).isEqualTo(303);
      assertThat(status(site, third)).isEqualTo(CommentStatus.TRASH);
      assertThat(moderator.page(QUEUE + "?list=trash").select(".queue-item")).hasSize(1);

      List<AuditEntry> audit =
          site.application()
              .audit()
              .search(new AuditQuery(MODERATOR, "comment", null, null, 1, 50))
              .entries();
      assertThat(audit)
          .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::detail)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  "comment.approve", "comment " + first, "held -> approved"),
              org.assertj.core.groups.Tuple.tuple(
                  "comment.trash", "comment " + third, "held -> trash"));
    }
  }

  @Test
  void reportersAndContributorsAreRefusedEveryQueueActionAndNothingChanges() {
    try (TestSite site = site(Engine.SQLITE)) {
      site.application().settings().set("comments.moderation", "none");
      long published = comment(site, "Ann", "A published comment.");
      site.application().settings().set("comments.moderation", "all");
      long held = comment(site, "Bob", "A held comment.");
      for (String role : List.of("reporter", "contributor")) {
        String email = role + "@example.org";
        NewsroomTesting.add(site, email, role);
        Reader person = NewsroomTesting.signedIn(site, email);
        assertThat(person.page("/newsroom").select("main a[href^=" + QUEUE + "]")).isEmpty();
        assertThat(person.get(QUEUE).statusCode()).isEqualTo(403);
        assertThat(person.get(QUEUE + "/" + published + "/reply").statusCode()).isEqualTo(403);
        // Their own session's token, from a page they may open: only the role stands in the way.
        Map<String, String> token = NewsroomTesting.hiddenFields(person, "/newsroom");
        List<String[]> decide =
            List.of(
                new String[] {"csrf", token.get("csrf")},
                new String[] {"id", Long.toString(held)},
                new String[] {"action", "approve"});
        HttpResponse<String> refused = post(person, site, QUEUE, decide, site.url(""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(parse(refused).select("h1").text()).isEqualTo("Not allowed");
        HttpResponse<String> one =
            post(
                person,
                site,
                QUEUE,
                List.of(
                    new String[] {"csrf", token.get("csrf")},
                    new String[] {"one", "spam:" + published}),
                site.url(""));
        assertThat(one.statusCode()).isEqualTo(403);
        HttpResponse<String> reply =
            post(
                person,
                site,
                QUEUE + "/" + published + "/reply",
                List.of(
                    new String[] {"csrf", token.get("csrf")},
                    new String[] {"text", "Not mine to say."}),
                site.url(""));
        assertThat(reply.statusCode()).isEqualTo(403);
      }
      assertThat(status(site, held)).isEqualTo(CommentStatus.HELD);
      assertThat(status(site, published)).isEqualTo(CommentStatus.APPROVED);
      assertThat(site.application().moderation().list(null, null, 100)).hasSize(2);
      assertThat(
              site.application()
                  .audit()
                  .search(new AuditQuery(null, "comment", null, null, 1, 50))
                  .entries())
          .isEmpty();
      // Anonymous people are sent to sign in first.
      HttpResponse<String> anonymous = new Reader(site).get(QUEUE);
      assertThat(anonymous.statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aFormFromAnotherSiteOrWithoutItsTokenChangesNothing() {
    try (TestSite site = site(Engine.SQLITE)) {
      long held = comment(site, "Ann", "Held until a moderator looks.");
      Reader moderator = NewsroomTesting.signedIn(site, MODERATOR);
      Map<String, String> token = NewsroomTesting.hiddenFields(moderator, QUEUE);
      List<String[]> form =
          List.of(
              new String[] {"csrf", token.get("csrf")},
              new String[] {"id", Long.toString(held)},
              new String[] {"action", "approve"});
      HttpResponse<String> crossSite = post(moderator, site, QUEUE, form, "https://evil.example");
      assertThat(crossSite.statusCode()).isEqualTo(403);
      assertThat(parse(crossSite).select("h1").text()).isEqualTo("Form not accepted");
      HttpResponse<String> noToken = post(moderator, site, QUEUE, form.subList(1, 3), site.url(""));
      assertThat(noToken.statusCode()).isEqualTo(403);
      assertThat(status(site, held)).isEqualTo(CommentStatus.HELD);

      // Nothing selected: the list again, saying so, nothing changed.
      HttpResponse<String> nothing =
          send(
              moderator, site, QUEUE, QUEUE, List.<String[]>of(new String[] {"action", "approve"}));
      assertThat(nothing.statusCode()).isEqualTo(422);
      assertThat(parse(nothing).select("[role=alert]").text()).contains("select at least one");
      assertThat(status(site, held)).isEqualTo(CommentStatus.HELD);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void readersReportsFillTheReportedListUntilAModeratorDismissesThem(Engine engine)
      throws Exception {
    try (TestSite site = site(engine)) {
      site.application().settings().set("comments.moderation", "none");
      long reported = comment(site, "Ann", "Buy cheap harbour tickets at my shop.");
      List<String> reasons = List.of("spam", "spam", "abuse");
      for (int i = 0; i < reasons.size(); i++) {
        // Each from its own address: one open report per address is counted.
        Reader reader = new Reader(site.url(""), InetAddress.getByName("127.0.0." + (20 + i)));
        HttpResponse<String> sent =
            reader.post(
                "/comments/" + reported + "/report",
                Map.of("reason", reasons.get(i)),
                Map.of("Origin", site.url("")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      }
      assertThat(site.application().comments().waiting().reported()).isEqualTo(1);
      Reader moderator = NewsroomTesting.signedIn(site, MODERATOR);
      Document list = moderator.page(QUEUE + "?list=reported");
      Element item = list.getElementById("queue-" + reported);
      assertThat(item).isNotNull();
      assertThat(item.select(".queue-context").text()).contains("Reports 3: spam (2), abuse");
      // The comment stays published while it is looked at.
      assertThat(new Reader(site).page(ARTICLE).getElementById("comment-" + reported)).isNotNull();

      HttpResponse<String> dismissed =
          send(
              moderator,
              site,
              QUEUE + "?list=reported",
              QUEUE,
              List.<String[]>of(new String[] {"one", "dismiss-reports:" + reported}));
      assertThat(dismissed.statusCode()).isEqualTo(303);
      assertThat(moderator.page(QUEUE + "?list=reported").select(".queue-item")).isEmpty();
      assertThat(status(site, reported)).isEqualTo(CommentStatus.APPROVED);
      assertThat(
              site.application()
                  .moderation()
                  .queue()
                  .page(new CommentQueue.Query(CommentQueue.Shelf.REPORTED, null, 1, 50))
                  .comments())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aReplyFromTheNewsroomIsPublishedAtOnceAndMarkedAsStaff(Engine engine) {
    try (TestSite site = site(engine)) {
      site.application().settings().set("comments.moderation", "none");
      long answered = comment(site, "Ann", "When is the second round?");
      // A reader who calls themselves staff is still a reader.
      long impostor = comment(site, "Staff", "I speak for the paper.");
      Reader moderator = NewsroomTesting.signedIn(site, MODERATOR);
      String replyPage = QUEUE + "/" + answered + "/reply?list=held";
      assertThat(moderator.page(replyPage).text()).contains("When is the second round?");

      HttpResponse<String> empty =
          send(
              moderator,
              site,
              replyPage,
              QUEUE + "/" + answered + "/reply",
              List.<String[]>of(new String[] {"text", "  "}));
      assertThat(empty.statusCode()).isEqualTo(422);
      assertThat(parse(empty).select("[role=alert]").text()).contains("Please write a reply");

      HttpResponse<String> sent =
          send(
              moderator,
              site,
              replyPage,
              QUEUE + "/" + answered + "/reply",
              List.<String[]>of(new String[] {"text", "The second round is on the ninth."}));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);

      Document page = new Reader(site).page(ARTICLE);
      Element reply = page.selectFirst("#comment-" + answered + " .children li.comment");
      assertThat(reply).isNotNull();
      assertThat(reply.hasClass("staff")).isTrue();
      assertThat(reply.select(".staff-marker").text()).isEqualTo("Staff");
      assertThat(reply.select(".comment-author").text()).isEqualTo("Pat moderator");
      assertThat(reply.text()).contains("The second round is on the ninth.");
      assertThat(page.select("#comment-" + impostor + " .staff-marker")).isEmpty();
      assertThat(
              site.application()
                  .audit()
                  .search(new AuditQuery(MODERATOR, "comment.reply", null, null, 1, 50))
                  .entries())
          .extracting(AuditEntry::subject)
          .containsExactly("comment " + answered);
    }
  }
}
