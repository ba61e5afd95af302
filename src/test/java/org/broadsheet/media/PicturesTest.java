package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.importer.ImportOutcome;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestDatabases;
import org.broadsheet.testing.TestPostgres;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pictures live in the database: served from there by any node, HEAD like GET. */
class PicturesTest {
  private static final String YEAR = "public, max-age=31536000, immutable";

  @TempDir Path folder;

  private static String pictureUrl(TestSite site, String slug) {
    return Jsoup.parse(site.get("/articles/" + slug).body())
        .selectFirst("figure.lead-figure img")
        .attr("src");
  }

  private static int[] pixels(byte[] png) throws IOException {
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static HttpResponse<String> head(TestSite site, String path) {
    return site.send(
        HttpRequest.newBuilder(URI.create(site.url(path)))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anImportedPictureIsServedFromTheDatabaseAndHeadAnswersLikeGet(Engine engine)
      throws IOException {
    try (TestSite site = TestSite.serving(engine)) {
      Path story = Stories.withPicture(folder, "checked", Color.BLUE);
      assertThat(Cli.run(site, "import", "markdown", story.toString()).exitCode()).isZero();
      assertThat(site.dataFolder().resolve("media")).doesNotExist();

      String url = pictureUrl(site, "checked");
      assertThat(url).matches("/media/checked-[0-9a-f]{12}\\.png");
      byte[] original = Files.readAllBytes(folder.resolve("images/checked.png"));
      HttpResponse<byte[]> get = site.getBytes(url);
      assertThat(get.statusCode()).isEqualTo(200);
      // A clean copy, not the file as it came: the same pixels, re-encoded.
      assertThat(get.body()).isNotEqualTo(original);
      assertThat(pixels(get.body())).isEqualTo(pixels(original));
      assertThat(get.headers().firstValue("content-type")).hasValue("image/png");
      assertThat(get.headers().firstValue("cache-control")).hasValue(YEAR);
      assertThat(get.headers().firstValue("content-length"))
          .hasValue(Integer.toString(get.body().length));

      HttpResponse<String> head = head(site, url);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValue("content-type")).hasValue("image/png");
      assertThat(head.headers().firstValue("cache-control")).hasValue(YEAR);
      assertThat(head.headers().firstValue("content-length"))
          .hasValue(Integer.toString(get.body().length));

      String missing = url.replaceFirst("-[0-9a-f]{12}\\.", "-000000000000.");
      assertThat(site.get(missing).statusCode()).isEqualTo(404);
      assertThat(head(site, missing).statusCode()).isEqualTo(404);
      assertThat(head(site, "/media/..%2Fbroadsheet.db").statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void picturesAnEarlierVersionKeptInTheDataFolderAreMovedInWithoutLoss(Engine engine)
      throws IOException {
    Path data = Files.createTempDirectory(folder, "data");
    String url =
        engine == Engine.POSTGRESQL ? TestPostgres.newDatabaseUrl() : Database.sqliteUrl(data);
    String name;
    byte[] original;
    // An earlier version: the picture recorded in the database, its bytes in media/.
    try (Application earlier = Application.open(Location.resolve(data, url, Map.of()))) {
      Path story = Stories.withPicture(folder, "earlier", Color.RED);
      assertThat(earlier.importer().importFile(story, MarkdownImporter.Existing.UPDATE))
          .isInstanceOf(ImportOutcome.Imported.class);
      name = earlier.articles().any("earlier").orElseThrow().leadImage().fileName();
      original = Files.readAllBytes(folder.resolve("images/earlier.png"));
      earlier
          .database()
          .useTransaction(
              tx -> tx.handle().execute("DELETE FROM image_file WHERE file_name = ?", name));
    }
    Path media = Files.createDirectories(data.resolve("media"));
    Files.write(media.resolve(name), original);
    Files.writeString(media.resolve("Notes.TXT"), "not a picture of ours");

    try (TestSite site = TestSite.at(data, url).serve()) {
      assertThat(media.resolve(name)).doesNotExist();
      assertThat(media.resolve("Notes.TXT")).hasContent("not a picture of ours");
      HttpResponse<byte[]> served = site.getBytes("/media/" + name);
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body()).isEqualTo(original);
      assertThat(served.headers().firstValue("content-type")).hasValue("image/png");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void movingTheFolderAgainKeepsEverythingAndDuplicatesNothing(Engine engine) throws IOException {
    try (Database database = TestDatabases.fresh(engine)) {
      Path data = Files.createTempDirectory(folder, "data");
      Path media = Files.createDirectories(data.resolve("media"));
      byte[] bytes = {1, 2, 3, 4, 5};
      Files.write(media.resolve("quay-0123456789ab.jpg"), bytes);
      MediaService service = new MediaService(database, data);
      assertThat(service.moveFolderIntoDatabase()).isEqualTo(1);
      assertThat(media).doesNotExist();

      // Stopped after the bytes were stored but before the file was deleted: started again.
      Files.createDirectories(media);
      Files.write(media.resolve("quay-0123456789ab.jpg"), bytes);
      assertThat(new MediaService(database, data).moveFolderIntoDatabase()).isEqualTo(1);
      assertThat(new MediaService(database, data).moveFolderIntoDatabase()).isZero();

      MediaService.Picture picture =
          new MediaService(database, data).picture("quay-0123456789ab.jpg").orElseThrow();
      assertThat(picture.bytes()).isEqualTo(bytes);
      assertThat(picture.contentType()).isEqualTo("image/jpeg");
      long stored =
          database.read(
              tx ->
                  tx.handle()
                      .createQuery("SELECT COUNT(*) FROM image_file")
                      .mapTo(Long.class)
                      .one());
      assertThat(stored).isEqualTo(1L);

      // Other bytes under a stored name are never thrown away.
      Files.createDirectories(media);
      Files.write(media.resolve("quay-0123456789ab.jpg"), new byte[] {9, 9});
      assertThat(new MediaService(database, data).moveFolderIntoDatabase()).isZero();
      assertThat(media.resolve("quay-0123456789ab.jpg")).exists();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void picturesAnEarlierVersionStoredAsTheyCameGetTheirCleanCopiesOnceAtStart(Engine engine)
      throws Exception {
    Path data = Files.createTempDirectory(folder, "data");
    String url =
        engine == Engine.POSTGRESQL ? TestPostgres.newDatabaseUrl() : Database.sqliteUrl(data);
    byte[] original = Pictures.encode(Pictures.halves(700, 500), "png");
    Pictures.write(folder, "upgraded.png", original);
    Path story = Pictures.story(folder, "upgraded", "upgraded.png", "published");
    String old = "upgraded-0123456789ab.png";
    try (Application earlier = Application.open(Location.resolve(data, url, Map.of()))) {
      assertThat(earlier.importer().importFile(story, MarkdownImporter.Existing.UPDATE))
          .isInstanceOf(ImportOutcome.Imported.class);
      // As an earlier version left it: the file as it came, served under its name, no copies.
      earlier
          .database()
          .useTransaction(
              tx -> {
                var h = tx.handle();
                h.execute("DELETE FROM image_file");
                h.execute("DELETE FROM image_original");
                h.execute(
                    "UPDATE image SET file_name = ?, copies_recipe = 0, original_sha256 = NULL,"
                        + " width = 700, height = 500",
                    old);
                h.createUpdate(
                        "INSERT INTO image_file (file_name, content_type, byte_count, sha256, bytes,"
                            + " stored_at) VALUES (:n, 'image/png', :c, 'x', :b, 0)")
                    .bind("n", old)
                    .bind("c", (long) original.length)
                    .bind("b", original)
                    .execute();
              });
    }
    try (TestSite site = TestSite.at(data, url).serve()) {
      org.jsoup.nodes.Element img =
          Jsoup.parse(site.get("/articles/upgraded").body()).selectFirst("figure.lead-figure img");
      assertThat(img.attr("src")).isNotEqualTo("/media/" + old);
      assertThat(img.attr("srcset")).contains("320w", "640w", "700w");
      for (String candidate : img.attr("srcset").split("\\s*,\\s*")) {
        assertThat(site.getBytes(candidate.split(" ")[0]).statusCode()).isEqualTo(200);
      }
      // The original is kept, privately: its old address no longer serves it.
      assertThat(site.get("/media/" + old).statusCode()).isEqualTo(404);
      byte[] kept =
          site.application()
              .database()
              .read(
                  tx ->
                      tx.handle()
                          .createQuery("SELECT bytes FROM image_original")
                          .mapTo(byte[].class)
                          .one());
      assertThat(kept).isEqualTo(original);

      // Started again (a command beside the running site): nothing more to do.
      try (Application again = Application.open(Location.resolve(data, url, Map.of()))) {
        long files =
            again
                .database()
                .read(
                    tx ->
                        tx.handle()
                            .createQuery("SELECT COUNT(*) FROM image_file")
                            .mapTo(Long.class)
                            .one());
        assertThat(files).as("copies made once: 320, 640 and 700 px").isEqualTo(3L);
      }
    }
  }
}
