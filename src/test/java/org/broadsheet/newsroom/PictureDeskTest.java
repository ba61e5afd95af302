package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.hiddenFields;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;
import static org.broadsheet.newsroom.PictureUploads.LIBRARY;
import static org.broadsheet.newsroom.PictureUploads.edit;
import static org.broadsheet.newsroom.PictureUploads.rows;
import static org.broadsheet.newsroom.PictureUploads.upload;
import static org.broadsheet.newsroom.PictureUploads.uploadedId;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.iptc.IptcDirectory;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
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

/** The picture library on the desk: uploads through the intake, rights edited, who may do what. */
class PictureDeskTest {
  private static final String REPORTER = "rep@example.org";

  @Test
  void hostileUploadsAreRefusedNamingTheFileAndTheReasonAndNothingIsWritten() {
    byte[] png = PictureUploads.plain(Color.RED, 64, 48, "png");
    byte[] jpeg = PictureUploads.plain(Color.BLUE, 640, 480, "jpeg");
    byte[] svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <script>alert(1)</script><rect width="10" height="10"/>
        </svg>
        """
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("bomb.png", PictureUploads.bomb(png));
    files.put("drawing.svg", svg);
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
      add(site, REPORTER, "reporter");
      Reader reporter = signedIn(site, REPORTER);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        HttpResponse<String> refused = upload(reporter, site, file.getKey(), file.getValue());
        assertThat(refused.statusCode())
            .as(file.getKey())
            .isEqualTo(file.getKey().equals("huge.jpg") ? 413 : 422);
        Document page = parse(refused);
        assertThat(page.select("#upload-problem").text())
            .as(file.getKey())
            .contains(reasons.get(file.getKey()))
            .contains("Nothing was stored");
        assertThat(page.select("#upload-file").attr("aria-describedby")).contains("upload-problem");
      }

      // A body larger than any picture is refused before it is read.
      HttpResponse<String> tooLarge =
          upload(reporter, site, "larger.jpg", new byte[(int) PictureIntake.MAX_BYTES + 100_000]);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(parse(tooLarge).select("#upload-problem").text())
          .contains("at most 20,971,520 bytes (20 MB)");

      // A body whose multipart never ends is answered with the page, nothing stored.
      HttpResponse<String> unended =
          reporter.send(
              PictureUploads.unended(
                  site, hiddenFields(reporter, LIBRARY).get("csrf"), "unended.png", png));
      assertThat(unended.statusCode()).isEqualTo(400);
      assertThat(parse(unended).select("#upload-problem").text())
          .contains("The upload could not be read");
      assertThat(NewsroomTesting.inside(reporter)).isTrue();

      // Everywhere else a multipart body is still refused unread.
      Map<String, String> home = hiddenFields(reporter, "/newsroom");
      HttpResponse<String> elsewhere =
          reporter.send(
              PictureUploads.multipartTo(
                  site, "/newsroom/sign-out", home.get("csrf"), "a.png", png));
      assertThat(elsewhere.statusCode()).isEqualTo(400);
      assertThat(NewsroomTesting.inside(reporter)).isTrue();

      for (String table : List.of("image", "image_file", "image_original")) {
        assertThat(rows(site, table)).as(table).isZero();
      }
      assertThat(uploadsAudited(site)).isEmpty();
    }
  }

  @Test
  void anAgencysCreditCreatorAndCaptionPrefillTheFormAndTheUploaderCompletesIt() throws Exception {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, REPORTER, "reporter");
      Reader reporter = signedIn(site, REPORTER);
      HttpResponse<String> uploaded =
          upload(
              reporter,
              site,
              "ferry.jpg",
              PictureUploads.fromAnAgency(
                  "Agency In The File", "Ola Nordmann", "A ferry at the quay, as filed."));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
      long id = uploadedId(uploaded);
      HttpResponse<String> again =
          upload(
              reporter,
              site,
              "ferry.jpg",
              PictureUploads.fromAnAgency(
                  "Agency In The File", "Ola Nordmann", "A ferry at the quay, as filed."));
      assertThat(again.headers().firstValue("Location")).hasValue(LIBRARY + "/" + id + "?already");

      Document form = reporter.page(LIBRARY + "/" + id + "?uploaded");
      assertThat(form.select("#picture-credit").val()).isEqualTo("Agency In The File");
      assertThat(form.select("#picture-creator").val()).isEqualTo("Ola Nordmann");
      assertThat(form.select("#picture-caption").text())
          .isEqualTo("A ferry at the quay, as filed.");
      assertThat(form.select("#picture-alt").text()).isEmpty();
      assertThat(form.select("[role=status]").text()).contains("Uploaded");

      String oldCopy = form.select(".picture-preview img").attr("src");
      HttpResponse<String> saved =
          edit(
              reporter,
              site,
              id,
              Map.of(
                  "alt", "A white ferry moored beside a stone quay.",
                  "credit", "Ola Nordmann/Agency",
                  "expires", ""));
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
      Document after = reporter.page(LIBRARY + "/" + id);
      assertThat(after.select("#picture-alt").text())
          .isEqualTo("A white ferry moored beside a stone quay.");
      assertThat(after.select("#picture-credit").val()).isEqualTo("Ola Nordmann/Agency");

      // The new credit travels in the served copies, under new names; the old ones are gone.
      String newCopy = after.select(".picture-preview img").attr("src");
      assertThat(newCopy).isNotEqualTo(oldCopy);
      assertThat(reporter.get(oldCopy).statusCode()).isEqualTo(404);
      HttpResponse<byte[]> served =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(site.url(newCopy))).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      IptcDirectory iptc =
          ImageMetadataReader.readMetadata(new ByteArrayInputStream(served.body()))
              .getFirstDirectoryOfType(IptcDirectory.class);
      assertThat(iptc.getString(IptcDirectory.TAG_CREDIT)).isEqualTo("Ola Nordmann/Agency");

      List<AuditEntry> entries = uploadsAudited(site);
      assertThat(entries).extracting(AuditEntry::action).contains("picture.upload", "picture.edit");
      assertThat(entries).extracting(AuditEntry::actor).containsOnly(REPORTER);
      assertThat(entries)
          .filteredOn(e -> e.action().equals("picture.edit"))
          .extracting(AuditEntry::detail)
          .containsExactly("alt text, credit");
    }
  }

  @Test
  void aModeratorMayNotOpenUploadOrEditAndOnlyTheUploaderOrAnEditorEdits() throws Exception {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, REPORTER, "reporter");
      add(site, "other@example.org", "reporter");
      add(site, "mod@example.org", "moderator");
      add(site, "ed@example.org", "editor");
      Reader reporter = signedIn(site, REPORTER);
      long id =
          uploadedId(
              upload(reporter, site, "a.png", PictureUploads.plain(Color.RED, 80, 60, "png")));
      long files = rows(site, "image_file");

      Reader moderator = signedIn(site, "mod@example.org");
      assertThat(moderator.get(LIBRARY).statusCode()).isEqualTo(403);
      assertThat(moderator.get(LIBRARY + "/" + id).statusCode()).isEqualTo(403);
      String moderatorToken = hiddenFields(moderator, "/newsroom").get("csrf");
      HttpResponse<String> moderatorUpload =
          moderator.send(
              PictureUploads.multipart(
                  site, moderatorToken, "b.png", PictureUploads.plain(Color.GREEN, 80, 60, "png")));
      assertThat(moderatorUpload.statusCode()).isEqualTo(403);
      HttpResponse<String> moderatorEdit =
          moderator.post(
              LIBRARY + "/" + id,
              Map.of("csrf", moderatorToken, "alt", "Changed", "credit", "Changed"),
              Map.of("Origin", site.url("")));
      assertThat(moderatorEdit.statusCode()).isEqualTo(403);

      Reader other = signedIn(site, "other@example.org");
      Document seen = other.page(LIBRARY + "/" + id);
      assertThat(seen.select("#picture-alt")).isEmpty();
      assertThat(seen.text()).contains("Only editors and administrators edit this picture");
      HttpResponse<String> otherEdit =
          other.post(
              LIBRARY + "/" + id,
              Map.of("csrf", hiddenFields(other, "/newsroom").get("csrf"), "alt", "Changed"),
              Map.of("Origin", site.url("")));
      assertThat(otherEdit.statusCode()).isEqualTo(403);

      assertThat(rows(site, "image")).isEqualTo(1);
      assertThat(rows(site, "image_file")).isEqualTo(files);
      assertThat(reporter.page(LIBRARY + "/" + id).select("#picture-alt").text()).isEmpty();
      assertThat(uploadsAudited(site))
          .extracting(AuditEntry::action)
          .containsExactly("picture.upload");

      Reader editor = signedIn(site, "ed@example.org");
      assertThat(edit(editor, site, id, Map.of("alt", "A red square.")).statusCode())
          .isEqualTo(303);
      assertThat(reporter.page(LIBRARY + "/" + id).select("#picture-alt").text())
          .isEqualTo("A red square.");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theLibraryIsSearchedByCaptionCreditAndCreatorShowsUsesAndPages(Engine engine)
      throws Exception {
    try (TestSite site = NewsroomTesting.site(engine)) {
      add(site, REPORTER, "reporter");
      Reader reporter = signedIn(site, REPORTER);
      long ferry =
          uploadedId(
              upload(
                  reporter,
                  site,
                  "ferry.jpg",
                  PictureUploads.fromAnAgency("Harbour Agency", "Ola Nordmann", "A ferry.")));
      long market =
          uploadedId(
              upload(
                  reporter,
                  site,
                  "market.jpg",
                  PictureUploads.fromAnAgency("Town Photos", "Ina Holm", "Stalls on market day.")));
      assertThat(ids(reporter, "harbour")).containsExactly(ferry);
      assertThat(ids(reporter, "HOLM")).containsExactly(market);
      assertThat(ids(reporter, "market stalls")).containsExactly(market);
      assertThat(ids(reporter, "ferry holm")).isEmpty();
      assertThat(ids(reporter, "100%")).isEmpty();
      assertThat(ids(reporter, "")).containsExactly(market, ferry);

      Instant now = Instant.now().minusSeconds(60);
      site.application()
          .articles()
          .save(
              new ArticleDraft(
                  "ferry-returns",
                  "",
                  "The Ferry Returns to Service",
                  "",
                  "Body.",
                  "Local",
                  List.of(),
                  List.of("Ada Quill"),
                  ArticleStatus.PUBLISHED,
                  now,
                  now,
                  ferry,
                  Map.of(),
                  null));
      Document library = reporter.page(LIBRARY + "?q=harbour");
      assertThat(library.select(".picture-uses").text())
          .contains("Lead of The Ferry Returns to Service (published)");
      assertThat(library.select(".picture-uses a").attr("href"))
          .isEqualTo("/articles/ferry-returns");

      for (int i = 0; i < 23; i++) {
        upload(
            reporter,
            site,
            "square-" + i + ".png",
            PictureUploads.plain(new Color(i * 10, 0, 0), 20, 20, "png"));
      }
      Document first = reporter.page(LIBRARY);
      assertThat(first.select(".picture-card")).hasSize(24);
      assertThat(first.select("a[rel=next]").attr("href")).isEqualTo(LIBRARY + "?page=2");
      assertThat(ids(reporter, LIBRARY + "?page=2", true)).containsExactly(ferry);
    }
  }

  @Test
  void picturesExpiringWithinTwoWeeksAreListedAtTheTopAndExpiredOnesMarked() throws Exception {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, "ed@example.org", "editor");
      Reader editor = signedIn(site, "ed@example.org");
      long soon =
          uploadedId(
              upload(editor, site, "soon.png", PictureUploads.plain(Color.RED, 40, 30, "png")));
      long later =
          uploadedId(
              upload(editor, site, "later.png", PictureUploads.plain(Color.BLUE, 40, 30, "png")));
      long past =
          uploadedId(
              upload(editor, site, "past.png", PictureUploads.plain(Color.GREEN, 40, 30, "png")));
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      assertThat(
              edit(editor, site, soon, Map.of("expires", today.plusDays(5).toString()))
                  .statusCode())
          .isEqualTo(303);
      assertThat(
              edit(editor, site, later, Map.of("expires", today.plusDays(40).toString()))
                  .statusCode())
          .isEqualTo(303);
      assertThat(
              edit(editor, site, past, Map.of("expires", today.minusDays(1).toString()))
                  .statusCode())
          .isEqualTo(303);

      Document library = editor.page(LIBRARY);
      assertThat(library.select(".picture-expiring a").eachAttr("href"))
          .containsExactly(LIBRARY + "/" + soon);
      assertThat(library.select(".picture-card").text()).contains("expired " + today.minusDays(1));
      // The dashboard warns of the same ones.
      assertThat(editor.page("/newsroom").select("#shelf-pictures-expiring a").eachAttr("href"))
          .containsExactly(LIBRARY + "/" + soon);

      HttpResponse<String> bad = edit(editor, site, soon, Map.of("expires", "next tuesday"));
      assertThat(bad.statusCode()).isEqualTo(422);
      Document refused = parse(bad);
      assertThat(refused.select("#picture-expires-problem").text())
          .contains("\"next tuesday\" is not a date");
      assertThat(refused.select("#picture-expires").attr("aria-invalid")).isEqualTo("true");
      HttpResponse<String> long_ = edit(editor, site, soon, Map.of("credit", "x".repeat(301)));
      assertThat(long_.statusCode()).isEqualTo(422);
      assertThat(parse(long_).select("#picture-credit-problem").text())
          .contains("301 characters; it may be at most 300");
      assertThat(parse(long_).select("#picture-credit").val()).hasSize(301);
    }
  }

  /** Sends a picture's form from its page with these fields changed. */
  private static List<Long> ids(Reader reader, String query) {
    return ids(
        reader, LIBRARY + "?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8), true);
  }

  private static List<Long> ids(Reader reader, String path, boolean ignored) {
    return reader.page(path).select(".picture-card > a").eachAttr("href").stream()
        .map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1)))
        .toList();
  }

  private static List<AuditEntry> uploadsAudited(TestSite site) {
    return site.application()
        .audit()
        .search(new AuditQuery(null, "picture", null, null, 1, 50))
        .entries();
  }
}
