package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorTesting.editorForm;
import static org.broadsheet.newsroom.EditorTesting.savedId;
import static org.broadsheet.newsroom.EditorTesting.send;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;
import static org.broadsheet.newsroom.PictureUploads.rows;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.iptc.IptcDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.broadsheet.article.Actor;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.media.Crop;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The front-page crop: an article's card shows its own crop of the lead, with its alt text. */
class CardCropTest {
  private static final String EDITOR = "ed@example.org";
  private static final String NEW = "/newsroom/articles/new";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theCardShowsItsCropWithItsAltTextAndTheArticleAndOtherArticlesKeepTheWholePicture(
      Engine engine) throws Exception {
    try (TestSite site = NewsroomTesting.site(engine)) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long pictureId = agencyPicture(ed, site);

      long cropped =
          save(
              ed,
              site,
              NEW,
              Map.of(
                  "headline", "Ferries Return to the Quay",
                  "lead-image", Long.toString(pictureId),
                  "lead-alt", "Three ferries moored along a stone quay",
                  "card-ratio", "1:1",
                  "card-focus-x", "25",
                  "card-focus-y", "50",
                  "card-alt", "The bow of the nearest ferry"));
      long other =
          save(
              ed,
              site,
              NEW,
              Map.of(
                  "headline", "Quay Repairs Begin",
                  "lead-image", Long.toString(pictureId),
                  "lead-alt", "Workers on the quay wall"));
      publish(site, cropped);
      publish(site, other);
      Article croppedArticle = site.application().articles().byId(cropped).orElseThrow();
      Article otherArticle = site.application().articles().byId(other).orElseThrow();
      String whole = otherArticle.leadImage().url();

      Document front = new Reader(site).page("/");
      Element card = cardImage(front, croppedArticle.path());
      assertThat(card.attr("src")).startsWith("/media/quay-").isNotEqualTo(whole);
      assertThat(card.attr("alt")).isEqualTo("The bow of the nearest ferry");
      assertThat(card.attr("width")).isEqualTo(card.attr("height")).isEqualTo("600");
      assertThat(card.attr("srcset")).contains(" 320w").contains(" 600w");
      HttpResponse<byte[]> copy = site.getBytes(card.attr("src"));
      assertThat(copy.statusCode()).isEqualTo(200);
      assertThat(copy.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
      BufferedImage served = ImageIO.read(new ByteArrayInputStream(copy.body()));
      assertThat(served.getWidth()).isEqualTo(600);
      assertThat(served.getHeight()).isEqualTo(600);
      // A clean copy like every other: the picture's credit written in as IPTC.
      assertThat(
              ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy.body()))
                  .getFirstDirectoryOfType(IptcDirectory.class)
                  .getString(IptcDirectory.TAG_CREDIT))
          .isEqualTo("Ina Holm/Agency");

      // Another article using the same picture shows it whole, as before.
      Element otherCard = cardImage(front, otherArticle.path());
      assertThat(otherCard.attr("src")).isEqualTo(whole);
      assertThat(otherCard.attr("width")).isEqualTo("800");
      assertThat(otherCard.attr("height")).isEqualTo("600");

      // The article's own page shows the lead whole, with the article's alt text.
      Document page = new Reader(site).page(croppedArticle.path());
      Element lead = page.selectFirst("figure img");
      assertThat(lead).isNotNull();
      assertThat(lead.attr("src")).isEqualTo(whole);
      assertThat(lead.attr("alt")).isEqualTo("Three ferries moored along a stone quay");

      // The crop is kept in the article's revisions.
      assertThat(site.application().articles().revisions(cropped).getFirst().content().cardCrop())
          .isEqualTo(new Crop("1:1", 25, 50));

      // Saved again with the same crop: its copies are not made twice. Another crop of one
      // article changes nothing of the other's card.
      long crops = rows(site, "image_crop");
      Document editorPage = ed.page("/newsroom/articles/" + cropped);
      assertThat(editorPage.select(".editor-card-picture img").attr("height")).isEqualTo("160");
      Map<String, String> again = editorForm(ed, "/newsroom/articles/" + cropped);
      assertThat(again.get("card-ratio")).isEqualTo("1:1");
      assertThat(again.get("card-alt")).isEqualTo("The bow of the nearest ferry");
      savedId(send(ed, site, "/newsroom/articles/" + cropped, again));
      assertThat(rows(site, "image_crop")).isEqualTo(crops);
      again = editorForm(ed, "/newsroom/articles/" + cropped);
      again.put("card-ratio", "16:9");
      savedId(send(ed, site, "/newsroom/articles/" + cropped, again));
      Document after = new Reader(site).page("/");
      Element wide = cardImage(after, croppedArticle.path());
      assertThat(wide.attr("width")).isEqualTo("800");
      assertThat(wide.attr("height")).isEqualTo("450");
      assertThat(cardImage(after, otherArticle.path()).attr("src")).isEqualTo(whole);
    }
  }

  @Test
  void newRightsOfThePictureMakeTheCropAgainCarryingThemAndTheFormerCropIsNoLongerServed()
      throws Exception {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long pictureId = agencyPicture(ed, site);
      long id =
          save(
              ed,
              site,
              NEW,
              Map.of(
                  "headline", "Ferries Return to the Quay",
                  "lead-image", Long.toString(pictureId),
                  "lead-alt", "Three ferries moored along a stone quay",
                  "card-ratio", "4:5",
                  "card-focus-x", "80",
                  "card-focus-y", "10"));
      publish(site, id);
      String path = site.application().articles().byId(id).orElseThrow().path();
      Element before = cardImage(new Reader(site).page("/"), path);
      assertThat(before.attr("width")).isEqualTo("480");
      assertThat(before.attr("height")).isEqualTo("600");
      // Without its own alt text the card's picture has the lead's, as this article gives it.
      assertThat(before.attr("alt")).isEqualTo("Three ferries moored along a stone quay");

      HttpResponse<String> edited =
          PictureUploads.edit(ed, site, pictureId, Map.of("credit", "Harbour Desk"));
      assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);

      Element after = cardImage(new Reader(site).page("/"), path);
      assertThat(after.attr("src")).isNotEqualTo(before.attr("src"));
      assertThat(after.attr("width")).isEqualTo("480");
      assertThat(site.getBytes(before.attr("src")).statusCode()).isEqualTo(404);
      HttpResponse<byte[]> copy = site.getBytes(after.attr("src"));
      assertThat(
              ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy.body()))
                  .getFirstDirectoryOfType(IptcDirectory.class)
                  .getString(IptcDirectory.TAG_CREDIT))
          .isEqualTo("Harbour Desk");
    }
  }

  @Test
  void cropsStillToMakeAreMadeWhenTheSiteOrACommandStarts() throws Exception {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long pictureId = agencyPicture(ed, site);
      long id =
          save(
              ed,
              site,
              NEW,
              Map.of(
                  "headline", "Ferries Return to the Quay",
                  "lead-image", Long.toString(pictureId),
                  "lead-alt", "Three ferries moored along a stone quay",
                  "card-ratio", "16:9"));
      assertThat(rows(site, "image_crop")).isOne();
      // As after an import or a restore from a backup made before the crop was: none made.
      site.application()
          .database()
          .useTransaction(tx -> tx.handle().execute("DELETE FROM image_crop"));
      assertThat(site.application().articles().cardCropsToMake(null))
          .containsExactly(
              new org.broadsheet.article.ArticleService.CardCrop(
                  pictureId, new Crop("16:9", 50, 50)));

      Cli.Run listed = Cli.run(site, "users", "list");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(rows(site, "image_crop")).isOne();
      assertThat(site.application().articles().cardCropsToMake(null)).isEmpty();
      publish(site, id);
      Element card =
          cardImage(
              new Reader(site).page("/"),
              site.application().articles().byId(id).orElseThrow().path());
      assertThat(card.attr("height")).isEqualTo("450");
    }
  }

  @Test
  void aCropIsRefusedWithoutALeadPictureOrWithAFocalPointOutOfRange() {
    try (TestSite site = NewsroomTesting.site()) {
      add(site, EDITOR, "editor");
      Reader ed = signedIn(site, EDITOR);
      long articles = rows(site, "article");
      Map<String, String> form = editorForm(ed, NEW);
      form.put("headline", "A Crop Without a Picture");
      form.put("section", "Local");
      form.put("card-ratio", "4:3");
      HttpResponse<String> noLead = send(ed, site, NEW, form);
      assertThat(noLead.statusCode()).isEqualTo(422);
      assertThat(parse(noLead).select("#editor-card-ratio-problem").text())
          .contains("needs a lead picture");

      form.put("card-focus-x", "140");
      form.put("lead-image", "");
      HttpResponse<String> outOfRange = send(ed, site, NEW, form);
      assertThat(outOfRange.statusCode()).isEqualTo(422);
      assertThat(parse(outOfRange).select("#editor-card-ratio-problem").text())
          .contains("from 0 to 100");
      assertThat(parse(outOfRange).select("#editor-card-focus-x").attr("value")).isEqualTo("140");
      assertThat(rows(site, "article")).isEqualTo(articles);
    }
  }

  private static long save(Reader reader, TestSite site, String path, Map<String, String> typed) {
    Map<String, String> form = editorForm(reader, path);
    form.put("section", "Local");
    form.putAll(typed);
    return savedId(send(reader, site, path, form));
  }

  private static void publish(TestSite site, long id) {
    assertThat(
            site.application()
                .articles()
                .move(id, ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, Actor.commandLine()))
        .isInstanceOf(org.broadsheet.article.ArticleService.MoveOutcome.Moved.class);
  }

  /** The picture of the card (or front-page lead) that links to this article. */
  private static Element cardImage(Document page, String articlePath) {
    Element image = page.selectFirst("a[href=" + articlePath + "] > img");
    assertThat(image).as("a card picture of " + articlePath).isNotNull();
    return image;
  }

  /** An agency's picture of the quay, uploaded to the library with its credit; its id. */
  private static long agencyPicture(Reader ed, TestSite site) throws Exception {
    return PictureUploads.uploadedId(
        PictureUploads.upload(
            ed,
            site,
            "quay.jpg",
            PictureUploads.fromAnAgency("Ina Holm/Agency", "Ina Holm", "The quay")));
  }
}
