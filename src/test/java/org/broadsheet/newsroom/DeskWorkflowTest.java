package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorTesting.addWriter;
import static org.broadsheet.newsroom.EditorTesting.editorForm;
import static org.broadsheet.newsroom.EditorTesting.savedId;
import static org.broadsheet.newsroom.EditorTesting.send;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.DeskArticle;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow's buttons in the editor and the list, stale saves, and revisions, as each role sees
 * them over HTTP: every refusal changes nothing.
 */
class DeskWorkflowTest {
  private static final String EDITOR = "ed@harbour.example";
  private static final String OTHER_EDITOR = "eve@harbour.example";
  private static final String REPORTER = "ada@harbour.example";

  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, EDITOR, "editor");
    add(site, OTHER_EDITOR, "editor");
    addWriter(site, REPORTER, "reporter", "ada-quill");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private long draftBy(Reader writer) {
    Map<String, String> form = editorForm(writer, "/newsroom/articles/new");
    form.put("headline", "Lifeboat Crew Trains Eight New Volunteers");
    form.put("section", "Local");
    form.put("body", "The first line.\n\nThe second line.\n\nThe third line.");
    return savedId(send(writer, site, "/newsroom/articles/new", form));
  }

  private DeskArticle desk(long id) {
    return site.application().articles().desk(id).orElseThrow();
  }

  /** The fields of the workflow button that moves to this state, from the page it is on. */
  private static Map<String, String> button(Document page, String to) {
    Element input = page.selectFirst("form[action$=/move] input[name=to][value=" + to + "]");
    assertThat(input).as("a button to " + to).isNotNull();
    return EditorTesting.fieldsOf(input.parent());
  }

  private HttpResponse<String> move(Reader reader, long id, Map<String, String> fields) {
    return send(reader, site, "/newsroom/articles/" + id + "/move", fields);
  }

  private int audited(String action) {
    return site.application()
        .audit()
        .search(new AuditQuery(null, action, null, null, 1, 50))
        .entries()
        .size();
  }

  @Test
  void aReporterSubmitsForReviewButMayNotPublish() {
    Reader ada = signedIn(site, REPORTER);
    long id = draftBy(ada);
    Document page = ada.page("/newsroom/articles/" + id);
    assertThat(page.select("form[action$=/move] button").eachText())
        .containsExactly("Submit for review");

    Map<String, String> publish = new LinkedHashMap<>(button(page, "in-review"));
    publish.put("to", "published");
    assertThat(move(ada, id, publish).statusCode()).isEqualTo(403);
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(new Reader(site).get("/articles/" + desk(id).slug()).statusCode()).isEqualTo(404);

    HttpResponse<String> submitted = move(ada, id, button(page, "in-review"));
    assertThat(submitted.statusCode()).isEqualTo(303);
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);
    assertThat(audited("article.submit")).isEqualTo(1);

    // In review, the reporter may no longer change the text, only withdraw it.
    Document inReview = ada.page("/newsroom/articles/" + id);
    assertThat(inReview.select("form.editor-form")).isEmpty();
    assertThat(inReview.select("form[action$=/move] button").eachText())
        .containsExactly("Withdraw to draft");
    Document editors = signedIn(site, EDITOR).page("/newsroom");
    assertThat(editors.select("#shelf-waiting-for-review").text())
        .contains("Lifeboat Crew Trains Eight New Volunteers");
  }

  @Test
  void anEditorPublishesThenUnpublishesTrashesAndRestoresFromTheList() {
    Reader ed = signedIn(site, EDITOR);
    long id = draftBy(ed);
    String slug = desk(id).slug();
    Map<String, String> publish = button(ed.page("/newsroom/articles/" + id), "published");
    // Without its token, nothing moves.
    Map<String, String> forged = new LinkedHashMap<>(publish);
    forged.put("csrf", "forged");
    assertThat(move(ed, id, forged).statusCode()).isEqualTo(403);
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.DRAFT);

    assertThat(move(ed, id, publish).statusCode()).isEqualTo(303);
    assertThat(new Reader(site).get("/articles/" + slug).statusCode()).isEqualTo(200);

    Document list = ed.page("/newsroom/articles?status=published");
    HttpResponse<String> unpublished = move(ed, id, listButton(list, id, "unpublished"));
    assertThat(unpublished.headers().firstValue("Location"))
        .hasValue("/newsroom/articles?done=unpublished");
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    assertThat(new Reader(site).get("/articles/" + slug).statusCode()).isIn(404, 410);

    move(ed, id, listButton(ed.page("/newsroom/articles"), id, "trash"));
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.TRASH);
    move(ed, id, listButton(ed.page("/newsroom/articles?status=trash"), id, "draft"));
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(audited("article.publish")).isEqualTo(1);
    assertThat(audited("article.unpublish")).isEqualTo(1);
    assertThat(audited("article.trash")).isEqualTo(1);
    assertThat(audited("article.restore")).isEqualTo(1);
  }

  private static Map<String, String> listButton(Document list, long id, String to) {
    Element input =
        list.selectFirst(
            "form[action=/newsroom/articles/" + id + "/move] input[name=to][value=" + to + "]");
    assertThat(input).as(list.select("main").text()).isNotNull();
    return EditorTesting.fieldsOf(input.parent());
  }

  @Test
  void schedulingTakesATimeInTheSiteZoneAndRefusesOneGoneBy() {
    Reader ed = signedIn(site, EDITOR);
    long id = draftBy(ed);
    ZoneId zone = siteZone();
    Map<String, String> schedule = button(ed.page("/newsroom/articles/" + id), "scheduled");

    schedule.put("at", "2001-01-01T09:00");
    HttpResponse<String> gone = move(ed, id, schedule);
    assertThat(gone.statusCode()).isEqualTo(409);
    assertThat(parse(gone).select("[role=alert]").text()).contains("has passed");
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.DRAFT);

    LocalDateTime at = LocalDateTime.now(zone).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
    schedule.put("at", at.toString());
    assertThat(move(ed, id, schedule).statusCode()).isEqualTo(303);
    assertThat(desk(id).status()).isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(desk(id).publishedAt()).isEqualTo(at.atZone(zone).toInstant());
    assertThat(new Reader(site).get("/articles/" + desk(id).slug()).statusCode()).isEqualTo(404);
  }

  private ZoneId siteZone() {
    String zone = site.application().settings().get("site.time_zone");
    return ZoneId.of(zone);
  }

  @Test
  void aStaleSaveIsRefusedShowsWhatChangedAndKeepsTheText() {
    Reader ed = signedIn(site, EDITOR);
    Reader eve = signedIn(site, OTHER_EDITOR);
    long id = draftBy(ed);
    String path = "/newsroom/articles/" + id;
    Map<String, String> eds = editorForm(ed, path);
    Map<String, String> eves = editorForm(eve, path);

    eds.put("body", "The first line.\n\nThe second line, checked.\n\nThe third line.");
    assertThat(send(ed, site, path, eds).statusCode()).isEqualTo(303);

    String typed =
        "The first line.\n\nThe second line.\n\nThe third line.\n\nA fourth line of mine.";
    eves.put("body", typed);
    HttpResponse<String> stale = send(eve, site, path, eves);

    assertThat(stale.statusCode()).isEqualTo(409);
    Document page = parse(stale);
    assertThat(page.select(".editor-conflict").text())
        .contains("Someone else saved this article")
        .contains(EDITOR)
        .contains("The second line, checked.");
    assertThat(page.select(".editor-conflict .diff-added").text())
        .contains("The second line, checked.");
    assertThat(page.select("#editor-body").first().wholeText()).isEqualTo(typed);
    assertThat(site.application().articles().byId(id).orElseThrow().body())
        .contains("checked")
        .doesNotContain("fourth");

    // Saving again, knowingly, over the version now stored.
    Map<String, String> again = EditorTesting.fieldsOf(page.selectFirst("form.editor-form"));
    assertThat(send(eve, site, path, again).statusCode()).isEqualTo(303);
    assertThat(site.application().articles().byId(id).orElseThrow().body()).isEqualTo(typed);
  }

  @Test
  void aWriterWhoseArticleWasPublishedMeanwhileKeepsTheirTextButCannotSaveIt() {
    Reader ada = signedIn(site, REPORTER);
    long id = draftBy(ada);
    String path = "/newsroom/articles/" + id;
    Map<String, String> hers = editorForm(ada, path);
    Reader ed = signedIn(site, EDITOR);
    assertThat(move(ed, id, button(ed.page(path), "published")).statusCode()).isEqualTo(303);

    hers.put("body", "A late paragraph the reporter typed.");
    HttpResponse<String> refused = send(ada, site, path, hers);
    assertThat(refused.statusCode()).isEqualTo(409);
    Document page = parse(refused);
    assertThat(page.select(".editor-conflict").text()).contains("now published").contains(EDITOR);
    assertThat(page.select("#editor-body").first().wholeText())
        .isEqualTo("A late paragraph the reporter typed.");
    assertThat(page.select("form.editor-form button[type=submit]")).isEmpty();
    assertThat(site.application().articles().byId(id).orElseThrow().body())
        .startsWith("The first line.");

    // Someone who never could edit it is simply refused.
    Reader eve = signedIn(site, OTHER_EDITOR);
    add(site, "cy@harbour.example", "contributor");
    Reader cy = signedIn(site, "cy@harbour.example");
    Map<String, String> theirs = editorForm(eve, path);
    theirs.put("csrf", NewsroomTesting.hiddenFields(cy, "/newsroom").get("csrf"));
    theirs.put("version", "1");
    assertThat(send(cy, site, path, theirs).statusCode()).isEqualTo(403);
  }

  @Test
  void revisionsAreListedComparedAndRestored() {
    Reader ed = signedIn(site, EDITOR);
    long id = draftBy(ed);
    String path = "/newsroom/articles/" + id;
    Map<String, String> form = editorForm(ed, path);
    form.put("headline", "Lifeboat Crew Trains Nine New Volunteers");
    assertThat(send(ed, site, path, form).statusCode()).isEqualTo(303);

    Document revisions = ed.page(path + "/revisions");
    assertThat(revisions.select("tbody tr")).hasSize(2);
    String newest = revisions.select("input[name=to]").first().attr("value");
    String oldest = revisions.select("input[name=from]").last().attr("value");
    Document compared = ed.page(path + "/revisions?from=" + oldest + "&to=" + newest);
    assertThat(compared.select("h3").eachText()).contains("Headline");
    assertThat(compared.select(".diff-removed").text()).contains("Eight");
    assertThat(compared.select(".diff-added").text()).contains("Nine");

    Element restore = compared.selectFirst("form[action$=/revisions/restore]");
    HttpResponse<String> restored =
        send(ed, site, path + "/revisions/restore", EditorTesting.fieldsOf(restore));
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(site.application().articles().byId(id).orElseThrow().headline())
        .isEqualTo("Lifeboat Crew Trains Eight New Volunteers");
    assertThat(ed.page(path + "/revisions").select("tbody tr")).hasSize(3);
    assertThat(audited("article.revision-restore")).isEqualTo(1);

    // A reporter who does not own it may read the history but not restore.
    Reader ada = signedIn(site, REPORTER);
    assertThat(ada.page(path + "/revisions").select("form[action$=/revisions/restore]")).isEmpty();
    Map<String, String> forged = EditorTesting.fieldsOf(restore);
    forged.put("csrf", NewsroomTesting.hiddenFields(ada, "/newsroom").get("csrf"));
    assertThat(send(ada, site, path + "/revisions/restore", forged).statusCode()).isEqualTo(403);
  }
}
