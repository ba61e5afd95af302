package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorTesting.editorForm;
import static org.broadsheet.newsroom.EditorTesting.savedId;
import static org.broadsheet.newsroom.EditorTesting.send;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;
import static org.broadsheet.newsroom.PictureUploads.rows;

import java.awt.Color;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.Article;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.audit.AuditQuery;
import org.broadsheet.media.PictureIntake;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lead picture uploaded from the editor's own form, through the library's one door. */
class EditorUploadTest {
  private static final String EDITOR = "ed@example.org";
  private static final String NEW = "/newsroom/articles/new";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aJpegSentWithTheEditorBecomesTheLeadWithTheTypedCaptionAndAltText(Engine engine)
      throws Exception {
    try (TestSite site = NewsroomTesting.site(engine)) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "Ferries Return to the Quay");
      form.put("section", "Local");
      form.put("lead-caption", "The first ferry back, early on Monday.");
      form.put("lead-alt", "A white ferry turning towards a stone quay");
      byte[] jpeg = PictureUploads.fromAnAgency("Ina Holm/Agency", "Ina Holm", "Ferry at the quay");

      HttpResponse<String> saved =
          ed.send(PictureUploads.form(site, NEW, form, "lead-file", "ferry.jpg", jpeg));
      long id = savedId(saved);

      Article article = site.application().articles().byId(id).orElseThrow();
      assertThat(article.leadImage()).isNotNull();
      assertThat(article.leadImage().caption()).isEqualTo("The first ferry back, early on Monday.");
      assertThat(article.leadImage().altText())
          .isEqualTo("A white ferry turning towards a stone quay");
      long pictureId = article.leadImage().id();
      // The file's own IPTC fills the picture's rights, as an upload to the library does.
      Map<String, Object> picture =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery(
                              "SELECT credit, creator, uploaded_by FROM image WHERE id = :id")
                          .bind("id", pictureId)
                          .mapToMap()
                          .one());
      assertThat(picture.get("credit")).isEqualTo("Ina Holm/Agency");
      assertThat(picture.get("creator")).isEqualTo("Ina Holm");
      assertThat(picture.get("uploaded_by")).isNotNull();
      assertThat(uploadsAudited(site))
          .singleElement()
          .satisfies(entry -> assertThat(entry.detail()).isEqualTo("ferry.jpg"));

      Document editor = ed.page("/newsroom/articles/" + id);
      assertThat(editor.select("form.editor-form").attr("enctype"))
          .isEqualTo("multipart/form-data");
      // Its buttons that send it elsewhere (check spelling, apply, ignore) send it URL-encoded,
      // as every route but the editor's and the library's refuses a multipart body.
      assertThat(editor.select("form.editor-form button[formaction]"))
          .isNotEmpty()
          .allSatisfy(
              button ->
                  assertThat(button.attr("formenctype"))
                      .isEqualTo("application/x-www-form-urlencoded"));
      assertThat(editor.select("#editor-lead-image").attr("value"))
          .isEqualTo(Long.toString(pictureId));
      assertThat(editor.select("#editor-lead-alt").attr("value"))
          .isEqualTo("A white ferry turning towards a stone quay");

      // The same form without a file is saved as before, sent as the browser sends it.
      Map<String, String> again = editorForm(ed, "/newsroom/articles/" + id);
      again.put("standfirst", "Services resume after the storm.");
      HttpResponse<String> resaved =
          ed.send(
              PictureUploads.form(
                  site, "/newsroom/articles/" + id, again, "lead-file", null, null));
      assertThat(savedId(resaved)).isEqualTo(id);
      assertThat(site.application().articles().byId(id).orElseThrow().leadImage().id())
          .isEqualTo(pictureId);

      // A save from a version someone else saved meanwhile: 409, text kept, the file not stored.
      Map<String, String> stale = new LinkedHashMap<>(again);
      stale.put("headline", "Ferries Are Back");
      long pictures = rows(site, "image");
      HttpResponse<String> conflict =
          ed.send(
              PictureUploads.form(
                  site,
                  "/newsroom/articles/" + id,
                  stale,
                  "lead-file",
                  "other.png",
                  PictureUploads.plain(Color.ORANGE, 300, 200, "png")));
      assertThat(conflict.statusCode()).isEqualTo(409);
      Document shown = parse(conflict);
      assertThat(shown.select("#editor-headline").attr("value")).isEqualTo("Ferries Are Back");
      assertThat(shown.select("#editor-lead-file-problem").text()).contains("choose it again");
      assertThat(rows(site, "image")).isEqualTo(pictures);
      assertThat(site.application().articles().byId(id).orElseThrow().headline())
          .isEqualTo("Ferries Return to the Quay");
    }
  }

  @Test
  void hostileFilesSentWithTheEditorAreRefusedWithTheTypedTextKeptAndNothingWritten() {
    byte[] png = PictureUploads.plain(Color.RED, 64, 48, "png");
    byte[] jpeg = PictureUploads.plain(Color.BLUE, 640, 480, "jpeg");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("bomb.png", PictureUploads.bomb(png));
    files.put(
        "drawing.svg",
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <script>alert(1)</script><rect width="10" height="10"/>
        </svg>
        """
            .getBytes(StandardCharsets.UTF_8));
    files.put("polyglot.png", PictureUploads.concat(png, "<html><script>alert(1)</script></html>"));
    files.put("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
    files.put("huge.jpg", Arrays.copyOf(jpeg, (int) PictureIntake.MAX_BYTES + 1));
    Map<String, String> reasons =
        Map.of(
            "bomb.png", "bomb.png is 50,000 × 50,000 pixels; a side may be at most 12,000",
            "drawing.svg", "drawing.svg is not a JPEG, PNG or WebP picture (its content is an SVG",
            "polyglot.png", "polyglot.png holds \"<script\" markup besides its picture",
            "cut.jpg", "cut.jpg is not a whole JPEG file",
            "huge.jpg", "huge.jpg is 20,971,521 bytes; pictures may be at most 20,971,520 bytes");

    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long articles = rows(site, "article");
      long revisions = rows(site, "article_revision");
      long existing = site.application().articles().idOf("harbour-vote").orElseThrow();
      String existingPath = "/newsroom/articles/" + existing;
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        for (String path : List.of(NEW, existingPath)) {
          Map<String, String> form = editorForm(ed, path);
          form.put("headline", "Storm Closes the Ferry Route " + file.getKey());
          form.put("section", "Local");
          form.put("lead-alt", "Waves over the breakwater");
          HttpResponse<String> refused =
              ed.send(
                  PictureUploads.form(
                      site, path, form, "lead-file", file.getKey(), file.getValue()));
          assertThat(refused.statusCode())
              .as(file.getKey() + " to " + path)
              .isEqualTo(file.getKey().equals("huge.jpg") ? 413 : 422);
          Document page = parse(refused);
          assertThat(page.select("#editor-lead-file-problem").text())
              .as(file.getKey())
              .contains(reasons.get(file.getKey()))
              .contains("Nothing was stored");
          assertThat(page.select("#editor-lead-file").attr("aria-describedby"))
              .contains("editor-lead-file-problem");
          assertThat(page.select("#editor-headline").attr("value"))
              .isEqualTo("Storm Closes the Ferry Route " + file.getKey());
          assertThat(page.select("#editor-lead-alt").attr("value"))
              .isEqualTo("Waves over the breakwater");
        }
      }
      for (String table : List.of("image", "image_file", "image_original")) {
        assertThat(rows(site, table)).as(table).isZero();
      }
      assertThat(rows(site, "article")).isEqualTo(articles);
      assertThat(rows(site, "article_revision")).isEqualTo(revisions);
      assertThat(site.application().articles().byId(existing).orElseThrow().headline())
          .isEqualTo("Harbour Vote Goes to a Second Round");
      assertThat(uploadsAudited(site)).isEmpty();

      // A body larger than a picture and the form is refused before it is read.
      Map<String, String> form = editorForm(ed, NEW);
      HttpResponse<String> tooLarge =
          ed.send(
              PictureUploads.form(
                  site,
                  NEW,
                  form,
                  "lead-file",
                  "larger.jpg",
                  new byte[(int) (PictureIntake.MAX_BYTES + 1_100_000)]));
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(parse(tooLarge).text()).contains("at most 20,971,520 bytes (20 MB)");
      assertThat(rows(site, "image")).isZero();
    }
  }

  @Test
  void aMultipartBodyIsStillRefusedUnreadEverywhereButTheEditorAndTheLibrary() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long id = site.application().articles().idOf("harbour-vote").orElseThrow();
      Map<String, String> form = editorForm(ed, "/newsroom/articles/" + id);
      byte[] png = PictureUploads.plain(Color.GREEN, 80, 60, "png");
      for (String path :
          List.of(
              "/newsroom/articles/" + id + "/move",
              "/newsroom/articles/" + id + "/proofread",
              "/newsroom/articles/" + id + "/revisions/restore",
              "/newsroom/articles/" + id + "/corrections",
              "/newsroom/articles/new/x",
              "/newsroom/sign-out",
              "/articles/harbour-vote/comments")) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("to", "draft");
        fields.put("from", "published");
        HttpResponse<String> refused =
            ed.send(PictureUploads.form(site, path, fields, "lead-file", "a.png", png));
        assertThat(refused.statusCode()).as(path).isEqualTo(400);
      }
      assertThat(NewsroomTesting.inside(ed)).isTrue();
      assertThat(site.application().articles().byId(id).orElseThrow().status().word())
          .isEqualTo("published");
      assertThat(rows(site, "image")).isZero();
    }
  }

  @Test
  void aMultipartSaveIsCheckedForItsOriginAndTokenAndSaveAndPreviewStillPreviews() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "Harbour Lights Relit");
      form.put("section", "Local");
      byte[] png = PictureUploads.plain(Color.YELLOW, 120, 80, "png");

      HttpRequest sent = PictureUploads.form(site, NEW, form, "lead-file", "lights.png", png);
      HttpRequest crossSite =
          HttpRequest.newBuilder(sent, (name, value) -> !name.equalsIgnoreCase("Origin"))
              .header("Origin", "https://elsewhere.example")
              .build();
      assertThat(ed.send(crossSite).statusCode()).isEqualTo(403);
      Map<String, String> forged = new LinkedHashMap<>(form);
      forged.put("csrf", "not-the-token");
      assertThat(
              ed.send(PictureUploads.form(site, NEW, forged, "lead-file", "lights.png", png))
                  .statusCode())
          .isEqualTo(403);
      assertThat(rows(site, "image")).isZero();
      assertThat(uploadsAudited(site)).isEmpty();

      form.put("preview", "yes");
      HttpResponse<String> previewed =
          ed.send(PictureUploads.form(site, NEW, form, "lead-file", "lights.png", png));
      assertThat(previewed.statusCode()).as(previewed.body()).isEqualTo(303);
      assertThat(previewed.headers().firstValue("Location").orElseThrow()).endsWith("/preview");
    }
  }

  @Test
  void aFormSentWithAFileAfterTheSessionEndedKeepsItsTextAcrossSigningIn() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "Night Ferry Cancelled");
      form.put("section", "Local");
      Reader later = new Reader(site);
      HttpResponse<String> expired =
          later.send(
              PictureUploads.form(
                  site,
                  NEW,
                  form,
                  "lead-file",
                  "night.png",
                  PictureUploads.plain(Color.BLACK, 90, 60, "png")));
      assertThat(expired.statusCode()).isEqualTo(401);
      Document signIn = parse(expired);
      assertThat(signIn.text()).contains("has to be chosen again");
      assertThat(signIn.select("input[name=kept:headline]").attr("value"))
          .isEqualTo("Night Ferry Cancelled");
      assertThat(rows(site, "image")).isZero();
    }
  }

  @Test
  void aFullFormWithEverySourceAndALongBodyIsSavedAsMultipartWordForWord() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "Ferjer til Ærø — and a Café on the Quay");
      form.put("section", "Local");
      form.put("body", "Ærø café, søndag. ".repeat(5_000));
      int rows = org.broadsheet.article.ArticleRules.MAX_SOURCES + 2;
      form.put("source-rows", Integer.toString(rows));
      for (int i = 0; i < rows; i++) {
        form.put("source-kind-" + i, "document");
        form.put("source-name-" + i, i < rows - 2 ? "Harbour report " + i : "");
        form.put("source-link-" + i, "");
        form.put("source-reason-" + i, "");
      }
      long id = savedId(ed.send(PictureUploads.form(site, NEW, form, "lead-file", null, null)));
      Article stored = site.application().articles().byId(id).orElseThrow();
      assertThat(stored.headline()).isEqualTo("Ferjer til Ærø — and a Café on the Quay");
      assertThat(stored.body()).isEqualTo("Ærø café, søndag. ".repeat(5_000));
      assertThat(stored.sources()).hasSize(org.broadsheet.article.ArticleRules.MAX_SOURCES);
    }
  }

  @Test
  void aUrlEncodedSaveStillWorksAndAPictureNumberStillChoosesTheLead() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "Quay Repairs Begin");
      form.put("section", "Local");
      long id = savedId(send(ed, site, NEW, form));
      assertThat(site.application().articles().byId(id).orElseThrow().headline())
          .isEqualTo("Quay Repairs Begin");
    }
  }

  private static List<AuditEntry> uploadsAudited(TestSite site) {
    return site.application()
        .audit()
        .search(new AuditQuery(null, "picture.upload", null, null, 1, 50))
        .entries();
  }
}
