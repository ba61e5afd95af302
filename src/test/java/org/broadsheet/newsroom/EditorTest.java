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
import java.util.Map;
import org.broadsheet.article.Article;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing, saving and previewing articles in the newsroom, as each role, over HTTP. */
class EditorTest {
  private static final String EDITOR = "ed@harbour.example";
  private static final String REPORTER = "ada@harbour.example";
  private static final String CONTRIBUTOR = "cy@harbour.example";
  private static final String MODERATOR = "mo@harbour.example";
  private static final String ADMINISTRATOR = "chief@harbour.example";
  private static final String BODY =
      "The ferry timetable changes on Monday.\n\n> We asked for this for years.\n\nMore follows.";

  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, EDITOR, "editor");
    addWriter(site, REPORTER, "reporter", "ada-quill");
    add(site, CONTRIBUTOR, "contributor");
    add(site, MODERATOR, "moderator");
    add(site, ADMINISTRATOR, "administrator");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private Map<String, String> newArticle(Reader reader) {
    Map<String, String> form = editorForm(reader, "/newsroom/articles/new");
    form.put("kicker", "Transport");
    form.put("headline", "Ferry Timetable Moves to Winter Hours");
    form.put("standfirst", "Fewer crossings after dark.");
    form.put("body", BODY);
    form.put("section", "Local");
    form.put("tags", "ferry, winter");
    form.put("dateline", "PORT ELLEN");
    form.put("seo-title", "Winter ferry timetable");
    form.put("source-name-0", "Harbour office");
    form.put("source-kind-0", "organisation");
    return form;
  }

  private Article stored(long id) {
    return site.application().articles().byId(id).orElseThrow();
  }

  @Test
  void aReporterWritesADraftThatOnlyTheNewsroomCanPreview() {
    Reader ada = signedIn(site, REPORTER);
    Map<String, String> form = newArticle(ada);
    assertThat(form.get("authors")).isEqualTo("Ada Quill");
    long id = savedId(send(ada, site, "/newsroom/articles/new", form));

    Article article = stored(id);
    assertThat(article.headline()).isEqualTo("Ferry Timetable Moves to Winter Hours");
    assertThat(article.slug()).isEqualTo("ferry-timetable-moves-to-winter-hours");
    assertThat(article.body()).isEqualTo(BODY);
    assertThat(article.dateline()).isEqualTo("PORT ELLEN");
    assertThat(article.sources())
        .singleElement()
        .satisfies(s -> assertThat(s.name()).isEqualTo("Harbour office"));
    assertThat(article.status().word()).isEqualTo("draft");
    assertThat(site.application().articles().seo(id).title()).isEqualTo("Winter ferry timetable");

    assertThat(new Reader(site).get(article.path()).statusCode()).isEqualTo(404);
    HttpResponse<String> preview = ada.get("/newsroom/articles/" + id + "/preview");
    assertThat(preview.statusCode()).isEqualTo(200);
    Document page = parse(preview);
    assertThat(page.select("h1").text()).isEqualTo("Ferry Timetable Moves to Winter Hours");
    assertThat(page.select("blockquote").text()).contains("We asked for this for years.");
    assertThat(page.title()).startsWith("Winter ferry timetable");
    assertThat(preview.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");

    // A colleague signed in may read the shared link; a reader is sent to sign in.
    assertThat(
            signedIn(site, CONTRIBUTOR).get("/newsroom/articles/" + id + "/preview").statusCode())
        .isEqualTo(200);
    HttpResponse<String> anonymous = new Reader(site).get("/newsroom/articles/" + id + "/preview");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow())
        .startsWith("/newsroom/sign-in");
    assertThat(ada.get("/newsroom/articles/" + id).body()).contains("PORT ELLEN");
  }

  @Test
  void aRefusedSaveKeepsEveryWordAndStoresNothing() {
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = newArticle(ed);
    form.put("headline", "");
    form.put("slug", "Not A Slug!");
    form.put("seo-description", "x".repeat(401));
    int before =
        site.application()
            .articles()
            .desk(org.broadsheet.article.DeskListing.Query.of(null, 10))
            .total();

    HttpResponse<String> refused = send(ed, site, "/newsroom/articles/new", form);

    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = parse(refused);
    assertThat(page.select("[role=alert]").text()).contains("Not saved yet");
    assertThat(page.select("#editor-headline").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#editor-headline-problem").text()).contains("headline is required");
    assertThat(page.select("#editor-slug-problem").text()).contains("lower-case letters");
    assertThat(page.select("#editor-seo-description-problem").text()).contains("at most 400");
    assertThat(page.select("#editor-body").first().wholeText()).isEqualTo(BODY);
    assertThat(page.select("#editor-slug").attr("value")).isEqualTo("Not A Slug!");
    assertThat(page.select("#editor-source-name-0").attr("value")).isEqualTo("Harbour office");
    assertThat(
            site.application()
                .articles()
                .desk(org.broadsheet.article.DeskListing.Query.of(null, 10))
                .total())
        .isEqualTo(before);
  }

  @Test
  void aBadPictureNumberIsShownBesideItsField() {
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = newArticle(ed);
    form.put("lead-image", "999");
    HttpResponse<String> refused = send(ed, site, "/newsroom/articles/new", form);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(parse(refused).select("#editor-lead-image-problem").text())
        .contains("no stored picture numbered \"999\"");
  }

  @Test
  void onlyThoseTheRolesAllowMayEditAndNothingChangesOtherwise() {
    Reader ada = signedIn(site, REPORTER);
    long draft = savedId(send(ada, site, "/newsroom/articles/new", newArticle(ada)));
    String path = "/newsroom/articles/" + draft;
    Map<String, String> form = editorForm(ada, path);
    form.put("headline", "Changed by someone not allowed");

    // A contributor and a moderator may not touch another's draft; a moderator writes nothing.
    Reader cy = signedIn(site, CONTRIBUTOR);
    assertThat(cy.get(path).statusCode()).isEqualTo(403);
    form.put("csrf", NewsroomTesting.hiddenFields(cy, "/newsroom").get("csrf"));
    assertThat(send(cy, site, path, form).statusCode()).isEqualTo(403);
    Reader mo = signedIn(site, MODERATOR);
    assertThat(mo.get("/newsroom/articles/new").statusCode()).isEqualTo(403);
    assertThat(mo.get("/newsroom/articles").statusCode()).isEqualTo(403);
    form.put("csrf", NewsroomTesting.hiddenFields(mo, "/newsroom").get("csrf"));
    assertThat(send(mo, site, "/newsroom/articles/new", form).statusCode()).isEqualTo(403);
    assertThat(send(mo, site, path, form).statusCode()).isEqualTo(403);
    assertThat(stored(draft).headline()).isEqualTo("Ferry Timetable Moves to Winter Hours");

    // The reporter edits her own draft, the editor anyone's; a published article is the editor's.
    Map<String, String> hers = editorForm(ada, path);
    hers.put("standfirst", "Fewer crossings after dark, from Monday.");
    assertThat(send(ada, site, path, hers).statusCode()).isEqualTo(303);
    assertThat(stored(draft).standfirst()).isEqualTo("Fewer crossings after dark, from Monday.");
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> edited = editorForm(ed, path);
    edited.put("kicker", "Ferries");
    assertThat(send(ed, site, path, edited).statusCode()).isEqualTo(303);
    assertThat(stored(draft).kicker()).isEqualTo("Ferries");

    long harbour = site.application().articles().idOf("harbour-vote").orElseThrow();
    Map<String, String> published = editorForm(ed, "/newsroom/articles/" + harbour);
    published.put("headline", "Changed by a reporter");
    published.put("csrf", NewsroomTesting.hiddenFields(ada, "/newsroom").get("csrf"));
    assertThat(send(ada, site, "/newsroom/articles/" + harbour, published).statusCode())
        .isEqualTo(403);
    assertThat(stored(harbour).headline()).isEqualTo("Harbour Vote Goes to a Second Round");
  }

  @Test
  void aContributorWithoutAnAuthorPageEditsTheDraftTheyCreatedAndMovesNothing() {
    Reader cy = signedIn(site, CONTRIBUTOR);
    long id = savedId(send(cy, site, "/newsroom/articles/new", newArticle(cy)));
    String path = "/newsroom/articles/" + id;
    Map<String, String> form = editorForm(cy, path);
    assertThat(form.get("authors")).isEqualTo("Pat contributor");
    form.put("standfirst", "Written by a contributor.");
    assertThat(send(cy, site, path, form).statusCode()).isEqualTo(303);
    assertThat(stored(id).standfirst()).isEqualTo("Written by a contributor.");
    assertThat(cy.page(path).select("form[action$=/move]")).isEmpty();
    assertThat(cy.page("/newsroom").select("#shelf-your-drafts").text())
        .contains("Ferry Timetable");

    Reader admin = signedIn(site, ADMINISTRATOR);
    assertThat(admin.get(path).statusCode()).isEqualTo(200);
    assertThat(admin.get(path + "/preview").statusCode()).isEqualTo(200);
  }

  @Test
  void aFormWithoutItsTokenOrFromAnotherSiteChangesNothing() {
    long harbour = site.application().articles().idOf("harbour-vote").orElseThrow();
    String path = "/newsroom/articles/" + harbour;
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = editorForm(ed, path);
    form.put("headline", "Forged");

    HttpResponse<String> crossSite =
        ed.post(path, form, Map.of("Origin", "https://elsewhere.example"));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    form.put("csrf", "forged");
    assertThat(send(ed, site, path, form).statusCode()).isEqualTo(403);
    Map<String, String> fresh = newArticle(ed);
    fresh.remove("csrf");
    assertThat(send(ed, site, "/newsroom/articles/new", fresh).statusCode()).isEqualTo(403);

    assertThat(stored(harbour).headline()).isEqualTo("Harbour Vote Goes to a Second Round");
    assertThat(site.application().articles().exists("ferry-timetable-moves-to-winter-hours"))
        .isFalse();
  }

  @Test
  void aNewSlugLeavesTheOldAddressLeadingToTheNewOne() {
    long harbour = site.application().articles().idOf("harbour-vote").orElseThrow();
    String path = "/newsroom/articles/" + harbour;
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = editorForm(ed, path);
    form.put("slug", "harbour-vote-second-round");
    assertThat(send(ed, site, path, form).statusCode()).isEqualTo(303);

    HttpResponse<String> old = new Reader(site).get("/articles/harbour-vote");
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.headers().firstValue("Location"))
        .hasValue("/articles/harbour-vote-second-round");
    assertThat(new Reader(site).get("/articles/harbour-vote-second-round").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSaveAfterTheSessionEndedKeepsTheTextThroughSigningIn() {
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = newArticle(ed);
    // Signed out elsewhere meanwhile: every session of this person ends.
    NewsroomTesting.postFromHome(signedIn(site, EDITOR), site, "/newsroom/sign-out-everywhere");

    HttpResponse<String> expired = send(ed, site, "/newsroom/articles/new", form);
    assertThat(expired.statusCode()).isEqualTo(401);
    Document signIn = parse(expired);
    assertThat(signIn.select("[role=alert]").text()).contains("nothing was saved yet");
    assertThat(site.application().articles().exists("ferry-timetable-moves-to-winter-hours"))
        .isFalse();

    Map<String, String> again = EditorTesting.fieldsOf(signIn.selectFirst("main form"));
    assertThat(again.get("kept:body")).isEqualTo(BODY);
    again.put("email", EDITOR);
    again.put("password", NewsroomTesting.PASSWORD);
    HttpResponse<String> back = send(ed, site, "/newsroom/sign-in", again);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    Document editor = parse(back);
    assertThat(editor.select("#editor-body").first().wholeText()).isEqualTo(BODY);
    assertThat(editor.select("#editor-headline").attr("value"))
        .isEqualTo("Ferry Timetable Moves to Winter Hours");
    assertThat(editor.select("[role=status]").text()).contains("save again");

    long id =
        savedId(
            send(
                ed,
                site,
                "/newsroom/articles/new",
                EditorTesting.fieldsOf(editor.selectFirst("form.editor-form"))));
    assertThat(stored(id).body()).isEqualTo(BODY);
  }

  @Test
  void anEditAfterTheSessionEndedIsSavedOnceSignedInAgain() {
    long harbour = site.application().articles().idOf("harbour-vote").orElseThrow();
    String path = "/newsroom/articles/" + harbour;
    Reader ed = signedIn(site, EDITOR);
    Map<String, String> form = editorForm(ed, path);
    form.put("body", BODY);
    NewsroomTesting.postFromHome(signedIn(site, EDITOR), site, "/newsroom/sign-out-everywhere");

    HttpResponse<String> expired = send(ed, site, path, form);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(stored(harbour).body()).isEqualTo("The vote was close.");
    Map<String, String> again = EditorTesting.fieldsOf(parse(expired).selectFirst("main form"));
    again.put("email", EDITOR);
    again.put("password", NewsroomTesting.PASSWORD);
    Document editor = parse(send(ed, site, "/newsroom/sign-in", again));
    assertThat(editor.select("#editor-body").first().wholeText()).isEqualTo(BODY);
    HttpResponse<String> saved =
        send(ed, site, path, EditorTesting.fieldsOf(editor.selectFirst("form.editor-form")));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(stored(harbour).body()).isEqualTo(BODY);
  }

  @Test
  void theArticlesListFiltersByStatusSectionBylineAndWords() {
    Reader ed = signedIn(site, EDITOR);
    savedId(send(ed, site, "/newsroom/articles/new", newArticle(ed)));

    assertThat(ed.page("/newsroom/articles").select("tbody tr")).hasSize(2);
    assertThat(ed.page("/newsroom/articles?status=draft").select("tbody tr").text())
        .contains("Ferry Timetable")
        .doesNotContain("Harbour Vote");
    assertThat(ed.page("/newsroom/articles?section=politics").select("tbody tr").text())
        .contains("Harbour Vote")
        .doesNotContain("Ferry");
    assertThat(ed.page("/newsroom/articles?author=ada-quill").select("tbody tr")).hasSize(1);
    assertThat(ed.page("/newsroom/articles?q=timetable").select("tbody tr").text())
        .contains("Ferry Timetable")
        .doesNotContain("Harbour");
    assertThat(ed.page("/newsroom/articles?q=100%25_").select("tbody tr")).isEmpty();
  }

  @Test
  void theDashboardShowsMyDraftsAndWhatWasPublished() {
    Reader ada = signedIn(site, REPORTER);
    savedId(send(ada, site, "/newsroom/articles/new", newArticle(ada)));
    Document home = ada.page("/newsroom");
    assertThat(home.select("#shelf-your-drafts").text()).contains("Ferry Timetable");
    assertThat(home.select("#shelf-recently-published").text()).contains("Harbour Vote");
    assertThat(home.select("a[href=/newsroom/articles/new]")).isNotEmpty();

    Document moderators = signedIn(site, MODERATOR).page("/newsroom");
    assertThat(moderators.select("a[href=/newsroom/comments?list=held]").text())
        .contains("0 comments wait");
    assertThat(moderators.select("a[href=/newsroom/articles/new]")).isEmpty();
  }
}
