package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A picture's rights decide whether an article may be published and how long it is shown. */
class PictureRightsTest {
  @TempDir Path folder;

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private Path story(String slug, String status, String imageFields) throws Exception {
    Pictures.write(folder, slug + ".jpg", Pictures.encode(Pictures.halves(800, 600), "jpeg"));
    Path file = folder.resolve(slug + ".md");
    Files.writeString(
        file,
        """
        ---
        title: "Rights Story %s"
        slug: %s
        status: %s
        image:
          path: images/%s.jpg
        %s
        ---
        Body.
        """
            .formatted(slug, slug, status, slug, imageFields.indent(2).stripTrailing()));
    return file;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anArticleIsPublishedOnlyWhenEachPictureHasAltTextAndACredit(Engine engine) throws Exception {
    try (TestSite site = TestSite.open(engine)) {
      Path noCredit = story("no-credit", "published", "alt: Two halves.");
      Cli.Run refused = Cli.run(site, "import", "markdown", noCredit.toString());
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err())
          .contains("no-credit.md:5: picture \"images/no-credit.jpg\" has no credit");

      Path noAlt = story("no-alt", "published", "credit: Desk");
      assertThat(Cli.run(site, "import", "markdown", noAlt.toString()).err())
          .contains("picture \"images/no-alt.jpg\" has no alt text;");
      long stored =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery("SELECT COUNT(*) FROM image")
                          .mapTo(Long.class)
                          .one());
      assertThat(stored).isZero();

      // As a draft it is kept, to be completed before publication.
      Path draft = story("draft-first", "draft", "alt: Two halves.");
      assertThat(Cli.run(site, "import", "markdown", draft.toString()).exitCode()).isZero();
    }
  }

  @org.junit.jupiter.api.Test
  void creditCreatorAndCaptionInTheFileFillWhatTheImportLeavesOut() throws Exception {
    byte[] plain = Pictures.encode(Pictures.halves(800, 600), "jpeg");
    java.io.ByteArrayOutputStream withIptc = new java.io.ByteArrayOutputStream();
    new org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter()
        .writeIptc(
            plain,
            withIptc,
            new org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data(
                List.of(
                    new org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord(
                        org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes.CREDIT,
                        "Agency In The File"),
                    new org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord(
                        org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes.BYLINE,
                        "Ola Nordmann"),
                    new org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord(
                        org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes.CAPTION_ABSTRACT,
                        "Two halves, as the agency captioned them.")),
                new java.util.ArrayList<>()));
    Pictures.write(folder, "agency.jpg", withIptc.toByteArray());
    Path file = folder.resolve("agency.md");
    Files.writeString(
        file,
        """
        ---
        title: "Agency Picture"
        slug: agency
        image:
          path: images/agency.jpg
          alt: Two coloured halves.
        ---
        Body.
        """);
    try (TestSite site = TestSite.serving(Engine.SQLITE)) {
      Cli.Run run = Cli.run(site, "import", "markdown", file.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      Document page = Jsoup.parse(site.get("/articles/agency").body());
      assertThat(page.selectFirst("figure.lead-figure figcaption").text())
          .isEqualTo("Two halves, as the agency captioned them. (Photo: Agency In The File)");
      String creator =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery("SELECT creator FROM image")
                          .mapTo(String.class)
                          .one());
      assertThat(creator).isEqualTo("Ola Nordmann");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPictureWhoseRightsExpireLeavesThePageAtThatTime(Engine engine) throws Exception {
    MovingClock clock = new MovingClock();
    Instant expiry = clock.instant().plus(Duration.ofHours(1));
    Path file =
        story("expiring", "published", "alt: Two halves.\ncredit: Desk\nexpires: " + expiry + "\n");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "Body.",
                "Body.\n\n{{< figure src=\"images/expiring.jpg\" alt=\"Again.\" caption=\"Two halves again.\" attr=\"Desk\" >}}\n")
            // Dated by the site's clock, which decides what readers see.
            .replace(
                "status: published",
                "status: published\ndate: " + clock.instant().minus(Duration.ofHours(1))));
    try (TestSite site = TestSite.open(engine, clock).serve()) {
      Cli.Run run = Cli.run(site, "import", "markdown", file.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      Document before = Jsoup.parse(site.get("/articles/expiring").body());
      assertThat(before.select("article img")).hasSize(2);
      assertThat(Jsoup.parse(site.get("/").body()).select("img")).isNotEmpty();

      clock.advance(Duration.ofHours(2));
      // The clock watcher looks every five seconds and drops the pages that show the picture.
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      List<?> images = before.select("article img");
      while (!images.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(200);
        images = Jsoup.parse(site.get("/articles/expiring").body()).select("article img");
      }
      assertThat(images).isEmpty();
      assertThat(Jsoup.parse(site.get("/").body()).select("img")).isEmpty();
      assertThat(site.get("/articles/expiring").body()).contains("Rights Story expiring");
      // In their place, their caption and credit (the lead gives no caption: it shows the
      // picture's, given by the figure).
      Document after = Jsoup.parse(site.get("/articles/expiring").body());
      assertThat(after.select("figure.lead-withdrawn figcaption").text())
          .isEqualTo("Two halves again. (Photo: Desk)");
      assertThat(after.select(".article-body figure figcaption").text())
          .isEqualTo("Two halves again. (Photo: Desk)");
    }
  }
}
