package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.DeskTesting.audited;
import static org.broadsheet.newsroom.DeskTesting.post;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.Rights;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorDeskTest {
  private static final String ADA = "ada@harbour.example";
  private static final String BEN = "ben@harbour.example";
  private static final String EDITOR = "ed@harbour.example";
  private static final String ADA_DESK = "/newsroom/authors/ada-quill";
  private TestSite site;
  private long portrait;

  @BeforeEach
  void open(@TempDir Path folder) throws Exception {
    site = NewsroomTesting.site();
    site.application().articles().describeAuthor("Ben Tide", "");
    add(site, ADA, "reporter");
    add(site, BEN, "reporter");
    add(site, EDITOR, "editor");
    add(site, "mod@harbour.example", "moderator");
    assertThat(Cli.run(site, "users", "author", ADA, "ada-quill").exitCode()).isZero();
    assertThat(Cli.run(site, "users", "author", BEN, "ben-tide").exitCode()).isZero();
    portrait = storePicture(folder);
  }

  @AfterEach
  void close() {
    site.close();
  }

  private long storePicture(Path folder) throws Exception {
    BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 60, 90));
    g.fillRect(0, 0, 400, 400);
    g.dispose();
    Path file = folder.resolve("ada-quill.png");
    ImageIO.write(image, "png", file.toFile());
    MediaService media = new MediaService(site.application().database(), folder);
    MediaService.Prepared prepared =
        switch (media.prepare(file, Rights.credit("Harbour Times"))) {
          case MediaService.Preparation.Ready ready -> ready.picture();
          case MediaService.Preparation.Refused refused ->
              throw new AssertionError(refused.reason());
        };
    Image stored =
        site.application()
            .database()
            .inTransaction(tx -> media.store(tx, prepared, "", "Ada Quill"));
    return stored.id();
  }

  private HttpResponse<String> save(Reader reader, String page, Map<String, String> fields) {
    return post(reader, site, page, page, fields);
  }

  @Test
  void writersEditTheirOwnPageAndReadersSeeRoleExpertiseBioAndPhoto() throws Exception {
    Reader ada = signedIn(site, ADA);
    HttpResponse<String> list = ada.get("/newsroom/authors");
    assertThat(list.statusCode()).isEqualTo(303);
    assertThat(list.headers().firstValue("Location")).hasValue(ADA_DESK);

    HttpResponse<String> saved =
        save(
            ada,
            ADA_DESK,
            Map.of(
                "jobTitle",
                "Courts reporter",
                "expertise",
                "Courts\nPolicing, Local government",
                "bio",
                "Ada has covered the harbour's courts since the flood inquiry.",
                "photo",
                Long.toString(portrait)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(parse(saved).select(".newsroom-notice").text()).contains("saved");

    Document page = new Reader(site).page("/author/ada-quill");
    assertThat(page.select(".author-role").text()).isEqualTo("Courts reporter");
    assertThat(page.select(".author-expertise li").eachText())
        .containsExactly("Courts", "Policing", "Local government");
    assertThat(page.select(".author-bio").text())
        .isEqualTo("Ada has covered the harbour\u2019s courts since the flood inquiry.");
    assertThat(page.select("img.author-photo").attr("src")).startsWith("/media/");
    assertThat(page.select("meta[name=description]").attr("content"))
        .isEqualTo("Ada has covered the harbour\u2019s courts since the flood inquiry.");

    JsonNode data =
        new ObjectMapper().readTree(page.select("script[type=application/ld+json]").first().data());
    JsonNode profile = data.get("@graph").get(1);
    assertThat(profile.get("@type").asText()).isEqualTo("ProfilePage");
    JsonNode person = profile.get("mainEntity");
    assertThat(person.get("@type").asText()).isEqualTo("Person");
    assertThat(person.get("name").asText()).isEqualTo("Ada Quill");
    assertThat(person.get("jobTitle").asText()).isEqualTo("Courts reporter");
    assertThat(person.get("knowsAbout").toString())
        .isEqualTo("[\"Courts\",\"Policing\",\"Local government\"]");
    assertThat(person.get("image").get("url").asText())
        .isEqualTo(site.url(page.select("img.author-photo").attr("src")));
    assertThat(person.get("description").asText()).startsWith("Ada has covered");

    assertThat(audited(site, "author.edit"))
        .extracting(e -> e.subject() + " " + e.detail() + " by " + e.actor())
        .containsExactly("ada-quill bio, job title, expertise, photo by " + ADA);
  }

  @Test
  void editorsEditEveryAuthorPage() {
    Reader editor = signedIn(site, EDITOR);
    assertThat(
            editor
                .page("/newsroom/authors")
                .select(".desk-list a[href^=/newsroom/authors/]")
                .eachText())
        .containsExactly("Ada Quill", "Ben Tide");
    HttpResponse<String> saved =
        save(
            editor,
            "/newsroom/authors/ben-tide",
            Map.of("jobTitle", "Shipping correspondent", "expertise", "", "bio", "", "photo", ""));
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(new Reader(site).page("/author/ben-tide").select(".author-role").text())
        .isEqualTo("Shipping correspondent");
    assertThat(audited(site, "author.edit").getFirst().actor()).isEqualTo(EDITOR);
  }

  @Test
  void anotherReporterIsRefusedAndNothingChanges() {
    Reader ben = signedIn(site, BEN);
    assertThat(ben.get(ADA_DESK).statusCode()).isEqualTo(403);
    HttpResponse<String> refused =
        save(
            ben,
            ADA_DESK,
            Map.of("jobTitle", "Gossip columnist", "expertise", "", "bio", "", "photo", ""));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(ben.get("/newsroom/authors").statusCode()).isEqualTo(303);
    assertThat(signedIn(site, "mod@harbour.example").get("/newsroom/authors").statusCode())
        .isEqualTo(403);
    assertThat(new Reader(site).page("/author/ada-quill").select(".author-role")).isEmpty();
    assertThat(audited(site, "author.edit")).isEmpty();
  }

  @Test
  void badInputIsRefusedWithWhatWasTypedKept() {
    Reader ada = signedIn(site, ADA);
    HttpResponse<String> refused =
        save(
            ada,
            ADA_DESK,
            Map.of(
                "jobTitle",
                "Courts reporter",
                "expertise",
                "Courts",
                "bio",
                "",
                "photo",
                "999999"));
    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = parse(refused);
    assertThat(page.select(".form-problems").text())
        .contains("There is no stored picture number 999999");
    assertThat(page.select("#author-photo").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#author-job-title").attr("value")).isEqualTo("Courts reporter");

    HttpResponse<String> tooMany =
        save(
            ada,
            ADA_DESK,
            Map.of("jobTitle", "", "expertise", "a,b,c,d,e,f,g,h,i,j,k", "bio", "", "photo", ""));
    assertThat(tooMany.statusCode()).isEqualTo(422);
    assertThat(parse(tooMany).select(".form-problems").text()).contains("at most 10");
    assertThat(new Reader(site).page("/author/ada-quill").select(".author-role")).isEmpty();
    assertThat(audited(site, "author.edit")).isEmpty();
  }
}
