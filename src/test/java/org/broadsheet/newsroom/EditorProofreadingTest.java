package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorTesting.addWriter;
import static org.broadsheet.newsroom.EditorTesting.editorForm;
import static org.broadsheet.newsroom.EditorTesting.fieldsOf;
import static org.broadsheet.newsroom.EditorTesting.savedId;
import static org.broadsheet.newsroom.EditorTesting.send;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proofreading in the editor over HTTP: findings under their fields, a suggestion applied to the
 * text as typed, ignore here, the newsroom's dictionary, and publishing with findings open.
 */
class EditorProofreadingTest {
  private static final String EDITOR = "ed@harbour.example";
  private static final String REPORTER = "ada@harbour.example";
  // Planted: "servise" in the headline, "arived" in the body, and a made-up village name that is
  // right but unknown to any dictionary.
  private static final String HEADLINE = "Ferry servise returns to the north pier";
  private static final String BODY =
      "Crews arived at the pier before dawn on Tuesday.\n\n"
          + "The first boat for Quillanby left on time, said the harbour office.";

  private TestSite site;
  private int drafts;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, EDITOR, "editor");
    addWriter(site, REPORTER, "reporter", "ada-quill");
    // The editor never waits for the model; the tests wait once, here, so findings show.
    site.application().proofreader().awaitModel();
  }

  @AfterEach
  void close() {
    site.close();
  }

  private long draft(Reader reader) {
    Map<String, String> form = editorForm(reader, "/newsroom/articles/new");
    form.put("kicker", "Transport");
    form.put("headline", HEADLINE);
    form.put("standfirst", "The morning crossing is back.");
    form.put("body", BODY);
    form.put("section", "Local");
    form.put("slug", "ferry-returns-" + ++drafts);
    return savedId(send(reader, site, "/newsroom/articles/new", form));
  }

  private static Element finding(Document page, String words) {
    return page.select("li.finding").stream()
        .filter(item -> item.selectFirst(".finding-words").text().equals("“" + words + "”"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding of " + words + " in " + page.text()));
  }

  /** The editor's form as shown, with one of its proofreading buttons pressed. */
  private HttpResponse<String> press(
      Reader reader, long id, Document page, Element button, Map<String, String> changes) {
    Map<String, String> form = fieldsOf(page.selectFirst("form.editor-form"));
    form.putAll(changes);
    form.put(button.attr("name"), button.attr("value"));
    return send(reader, site, "/newsroom/articles/" + id + "/proofread", form);
  }

  private List<AuditEntry> audited(String action) {
    return site.application()
        .audit()
        .search(new AuditQuery(null, action, null, null, 1, 50))
        .entries();
  }

  @Test
  void aSaveShowsEachPlantedMisspellingUnderItsField() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document page = ed.page("/newsroom/articles/" + id + "?done=saved");

    assertThat(page.select(".proofread-status").text()).contains("finding");
    Element headline = finding(page, "servise");
    assertThat(headline.parent().parent().id()).isEqualTo("findings-headline");
    assertThat(headline.select("button[name=apply]").eachText())
        .anySatisfy(text -> assertThat(text).endsWith("service"));
    assertThat(finding(page, "arived").parent().parent().id()).isEqualTo("findings-body");
    assertThat(finding(page, "arived").select(".finding-place").text())
        .isEqualTo("(line 1, column 7)");
    assertThat(finding(page, "Quillanby").select("button[name=dictionary-add]")).hasSize(1);
    assertThat(page.select("#findings-kicker, #findings-standfirst")).isEmpty();
  }

  @Test
  void applyingASuggestionChangesOnlyThatWordAndKeepsOtherEdits() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document page = ed.page("/newsroom/articles/" + id + "?done=saved");
    Element arrived =
        finding(page, "arived").select("button[name=apply]").stream()
            .filter(button -> button.text().endsWith(" arrived"))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> applied =
        press(ed, id, page, arrived, Map.of("standfirst", "Edited, not yet saved."));

    assertThat(applied.statusCode()).isEqualTo(200);
    Document shown = parse(applied);
    assertThat(shown.selectFirst("#editor-body").wholeText())
        .isEqualTo(BODY.replace("arived", "arrived"));
    assertThat(shown.selectFirst("#editor-standfirst").wholeText())
        .isEqualTo("Edited, not yet saved.");
    assertThat(shown.select(".newsroom-notice").text()).contains("Not saved yet");
    assertThat(shown.select("li.finding .finding-words").eachText()).doesNotContain("“arived”");
    // Nothing is saved until the writer saves.
    assertThat(site.application().articles().byId(id).orElseThrow().body()).isEqualTo(BODY);

    // A button for words the writer has changed meanwhile replaces nothing.
    HttpResponse<String> stale = press(ed, id, page, arrived, Map.of("body", "Crews came back."));
    assertThat(parse(stale).selectFirst("#editor-body").wholeText()).isEqualTo("Crews came back.");
    assertThat(parse(stale).select(".newsroom-notice").text()).contains("nothing was replaced");
  }

  @Test
  void checkSpellingReadsTheTextAsTypedAndSavesNothing() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document page = ed.page("/newsroom/articles/" + id);
    assertThat(page.select("li.finding")).isEmpty();
    Element check =
        page.select("form.editor-form button").stream()
            .filter(button -> button.text().equals("Check spelling"))
            .findFirst()
            .orElseThrow();
    assertThat(check.attr("formaction")).isEqualTo("/newsroom/articles/" + id + "/proofread");

    HttpResponse<String> checked =
        press(ed, id, page, check, Map.of("standfirst", "The mornng crossing is back."));

    assertThat(checked.statusCode()).isEqualTo(200);
    Document shown = parse(checked);
    assertThat(finding(shown, "mornng").parent().parent().id()).isEqualTo("findings-standfirst");
    assertThat(shown.selectFirst("#editor-standfirst").wholeText())
        .isEqualTo("The mornng crossing is back.");
    assertThat(shown.select(".newsroom-notice").text()).contains("Not saved yet");
    assertThat(site.application().articles().byId(id).orElseThrow().standfirst())
        .isEqualTo("The morning crossing is back.");
  }

  @Test
  void ignoreHereLastsInThisArticleAndIsAudited() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document page = ed.page("/newsroom/articles/" + id + "?done=saved");

    HttpResponse<String> ignored =
        press(ed, id, page, finding(page, "servise").selectFirst("button[name=ignore]"), Map.of());

    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(parse(ignored).select("li.finding .finding-words").eachText())
        .doesNotContain("“servise”")
        .contains("“arived”");
    assertThat(ed.page("/newsroom/articles/" + id + "?done=saved").text())
        .doesNotContain("“servise”");
    assertThat(audited("proofread.ignore"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.detail()).isEqualTo("servise"));
    // Another article with the same words is still checked.
    assertThat(ed.page("/newsroom/articles/" + draft(ed) + "?done=saved").text())
        .contains("“servise”");
  }

  @Test
  void aNameAddedToTheDictionaryIsSilencedFromThenOn() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document page = ed.page("/newsroom/articles/" + id + "?done=saved");

    HttpResponse<String> added =
        press(
            ed,
            id,
            page,
            finding(page, "Quillanby").selectFirst("button[name=dictionary-add]"),
            Map.of());

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(parse(added).select(".newsroom-notice").text())
        .contains("\"Quillanby\" is in the newsroom's dictionary");
    assertThat(parse(added).text()).doesNotContain("“Quillanby”");
    assertThat(site.application().dictionary().words()).containsExactly("Quillanby");
    assertThat(audited("dictionary.add"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.subject()).isEqualTo("Quillanby"));
    // A reporter's new article names the village too: no longer flagged, for anyone.
    Reader ada = signedIn(site, REPORTER);
    assertThat(ada.page("/newsroom/articles/" + draft(ada) + "?done=saved").text())
        .contains("“arived”")
        .doesNotContain("“Quillanby”");
  }

  @Test
  void aReporterSeesFindingsButMayNotAddToTheDictionary() {
    Reader ada = signedIn(site, REPORTER);
    long id = draft(ada);
    Document page = ada.page("/newsroom/articles/" + id + "?done=saved");
    assertThat(finding(page, "Quillanby").select("button[name=apply], button[name=ignore]"))
        .isNotEmpty();
    assertThat(page.select("button[name=dictionary-add]")).isEmpty();

    Map<String, String> forged = fieldsOf(page.selectFirst("form.editor-form"));
    forged.put("dictionary-add", "Quillanby");
    HttpResponse<String> refused =
        send(ada, site, "/newsroom/articles/" + id + "/proofread", forged);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(site.application().dictionary().words()).isEmpty();
    assertThat(audited("dictionary.add")).isEmpty();
    assertThat(ada.get("/newsroom/dictionary").statusCode()).isEqualTo(403);
  }

  @Test
  void publishingWithSpellingFindingsOpenAsksAndIsRecorded() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Document editor = ed.page("/newsroom/articles/" + id);
    Element publish =
        editor.selectFirst("form[action$=/move] input[name=to][value=published]").parent();

    HttpResponse<String> asked =
        send(ed, site, "/newsroom/articles/" + id + "/move", fieldsOf(publish));

    assertThat(asked.statusCode()).isEqualTo(409);
    Document question = parse(asked);
    assertThat(question.select("h1").text()).isEqualTo("Publish with 3 spelling findings open?");
    assertThat(question.select("li.finding").text()).contains("servise", "arived", "Quillanby");
    assertThat(site.application().articles().desk(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.DRAFT);
    assertThat(audited("article.publish-anyway")).isEmpty();

    Element anyway = question.selectFirst("form[action$=/move]");
    assertThat(anyway.selectFirst("button").text()).isEqualTo("Publish anyway");
    HttpResponse<String> published =
        send(ed, site, "/newsroom/articles/" + id + "/move", fieldsOf(anyway));

    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(site.application().articles().desk(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(audited("article.publish-anyway"))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.detail()).isEqualTo("published with 3 open spelling findings"));
    assertThat(audited("article.publish")).hasSize(1);
  }

  @Test
  void schedulingAnywayKeepsTheTimeAsked() {
    Reader ed = signedIn(site, EDITOR);
    long id = draft(ed);
    Element schedule =
        ed.page("/newsroom/articles/" + id)
            .selectFirst("form[action$=/move] input[name=to][value=scheduled]")
            .parent();
    Map<String, String> fields = fieldsOf(schedule);
    String at =
        java.time.LocalDateTime.now()
            .plusDays(2)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .toString();
    fields.put("at", at);

    Document question = parse(send(ed, site, "/newsroom/articles/" + id + "/move", fields));
    Element anyway = question.selectFirst("form[action$=/move]");
    assertThat(anyway.selectFirst("button").text()).isEqualTo("Schedule anyway");
    assertThat(anyway.selectFirst("input[name=at]").attr("value")).isEqualTo(at);
    assertThat(send(ed, site, "/newsroom/articles/" + id + "/move", fieldsOf(anyway)).statusCode())
        .isEqualTo(303);

    assertThat(site.application().articles().desk(id).orElseThrow().status())
        .isEqualTo(ArticleStatus.SCHEDULED);
    assertThat(audited("article.publish-anyway"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.detail()).startsWith("scheduled with 3"));
  }

  @Test
  void editorsKeepTheDictionaryOnItsOwnPage() {
    Reader ed = signedIn(site, EDITOR);
    assertThat(ed.page("/newsroom").select("a[href=/newsroom/dictionary]")).hasSize(1);
    assertThat(signedIn(site, REPORTER).page("/newsroom").select("a[href=/newsroom/dictionary]"))
        .isEmpty();
    Document page = ed.page("/newsroom/dictionary");
    Map<String, String> form = fieldsOf(page.selectFirst("form:has(input[name=add])"));
    form.put("add", "Quillanby");
    assertThat(send(ed, site, "/newsroom/dictionary", form).statusCode()).isEqualTo(200);
    form.put("add", "two words");
    HttpResponse<String> refused = send(ed, site, "/newsroom/dictionary", form);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(parse(refused).select("[role=alert]").text()).contains("one word at a time");

    Document listed = ed.page("/newsroom/dictionary");
    assertThat(listed.select(".dictionary-words li span:not(.visually-hidden)").eachText())
        .containsExactly("Quillanby");
    Map<String, String> remove =
        fieldsOf(listed.selectFirst(".dictionary-words form:has(input[value=Quillanby])"));
    assertThat(send(ed, site, "/newsroom/dictionary", remove).statusCode()).isEqualTo(200);
    assertThat(site.application().dictionary().words()).isEmpty();
    assertThat(audited("dictionary.add")).hasSize(1);
    assertThat(audited("dictionary.remove")).hasSize(1);
  }
}
