package org.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.broadsheet.app.Application;
import org.broadsheet.app.Location;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestPostgres;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackupTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private Path folder;

  @BeforeEach
  void makeRoom() throws IOException {
    folder = Files.createTempDirectory("broadsheet-backup-test");
  }

  @AfterEach
  void clear() throws IOException {
    TestPostgres.deleteTree(folder);
  }

  @Test
  void aBackupTakenUnderCommentLoadRestoresEveryCommentAcknowledgedBeforeIt() throws Exception {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      SettingsService settings = site.application().settings();
      settings.set("comments.min_fill_seconds", "0");
      settings.set("comments.rate_per_ip_per_hour", "100000");
      settings.set("comments.rate_per_email_per_hour", "100000");
      site.serve();

      List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sequence = new AtomicInteger();
      List<Thread> posters = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        posters.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      Reader reader = new Reader(site);
                      while (!stop.get()) {
                        int n = sequence.incrementAndGet();
                        HttpResponse<String> posted =
                            reader.comment(
                                ARTICLE,
                                Map.of(
                                    "name", "Reader " + n,
                                    "email", "reader" + n + "@example.org",
                                    "comment",
                                        "Comment number " + n + " on the evacuation figures."));
                        if (posted.statusCode() == 303) {
                          String location = posted.headers().firstValue("location").orElseThrow();
                          acknowledged.add(
                              Long.parseLong(
                                  location.substring(location.indexOf("#comment-") + 9)));
                        }
                      }
                    }));
      }
      Path archive = folder.resolve("site.zip");
      List<Long> beforeBackup;
      Cli.Run backup;
      try {
        waitFor(() -> acknowledged.size() >= 40);
        beforeBackup = List.copyOf(acknowledged);
        backup = Cli.run(site, "backup", archive.toString());
        int atEnd = acknowledged.size();
        waitFor(() -> acknowledged.size() >= atEnd + 10);
      } finally {
        stop.set(true);
        for (Thread poster : posters) {
          poster.join();
        }
      }
      assertThat(backup.exitCode()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("Backed up broadsheet.db", "taken while the site ran");

      Path restored = folder.resolve("restored");
      Cli.Run restore = Cli.run("restore", archive.toString(), "--data", restored.toString());
      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(restore.out()).contains("into " + restored);

      try (Connection db =
              DriverManager.getConnection("jdbc:sqlite:" + restored.resolve("broadsheet.db"));
          ResultSet check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
        assertThat(check.next()).isTrue();
        assertThat(check.getString(1)).isEqualTo("ok");
      }
      try (Application copy = Application.open(Location.resolve(restored, null, Map.of()))) {
        List<Long> present =
            copy.moderation().list(null, null, 1_000_000).stream()
                .map(CommentModeration.Entry::id)
                .toList();
        assertThat(present).containsAll(beforeBackup);
        assertThat(copy.articles().published("lower-quay-evacuation-agreement")).isPresent();
        // The pictures are in the database, so its copy holds them, byte for byte.
        Map<String, String> pictures = pictures(site.application().database());
        assertThat(pictures).isNotEmpty();
        assertThat(pictures(copy.database())).isEqualTo(pictures);
      }
      assertThat(restored.resolve("media")).doesNotExist();
      try (ZipFile zip = new ZipFile(archive.toFile())) {
        assertThat(zip.getEntry("manifest.json")).isNotNull();
        assertThat(zip.size()).isEqualTo(2);
      }
      assertThat(leftovers()).containsExactlyInAnyOrder("site.zip", "restored");
    }
  }

  @Test
  void restoreRefusesAFolderThatHoldsASite() throws Exception {
    Path archive = folder.resolve("site.zip");
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      assertThat(Cli.run(site, "backup", archive.toString()).exitCode()).isZero();
    }
    try (TestSite other = TestSite.open(Engine.SQLITE)) {
      other.application().settings().set("site.name", "The Other Site");
      Map<String, String> before = checksums(other.dataFolder());
      Cli.Run run = Cli.run("restore", archive.toString(), "--data", other.dataFolder().toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip())
          .isEqualTo(
              "broadsheet: "
                  + other.dataFolder()
                  + " already holds a site; restore into a new folder (--data DIR), or move that"
                  + " folder away first");
      assertThat(checksums(other.dataFolder())).isEqualTo(before);
      assertThat(other.application().settings().get("site.name")).isEqualTo("The Other Site");
    }
  }

  @Test
  void restoreRefusesTheFolderOfARunningSite() throws Exception {
    Path archive = folder.resolve("site.zip");
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      assertThat(Cli.run(site, "backup", archive.toString()).exitCode()).isZero();
    }
    try (TestSite running = TestSite.serving(Engine.SQLITE)) {
      Cli.Run run =
          Cli.run("restore", archive.toString(), "--data", running.dataFolder().toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("a site is running in " + running.dataFolder());
      assertThat(running.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void restoreIntoAnEmptyFolderWorks() throws Exception {
    Path archive = folder.resolve("site.zip");
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      site.application().settings().set("site.name", "Backed Up Gazette");
      assertThat(Cli.run(site, "backup", archive.toString()).exitCode()).isZero();
    }
    Path empty = Files.createDirectory(folder.resolve("empty"));
    Cli.Run run = Cli.run("restore", archive.toString(), "--data", empty.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Cli.run("settings", "get", "site.name", "--data", empty.toString()).out().strip())
        .isEqualTo("Backed Up Gazette");
  }

  @Test
  void aDamagedArchiveIsRefusedAndNothingIsWritten() throws Exception {
    Path archive = folder.resolve("site.zip");
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      assertThat(Cli.run(site, "backup", archive.toString()).exitCode()).isZero();
    }
    byte[] good = Files.readAllBytes(archive);

    Path truncated = Files.write(folder.resolve("truncated.zip"), slice(good, good.length / 2));
    assertRefused(truncated, "is damaged or incomplete");

    // One byte changed inside the database entry: the zip's own CRC or the manifest catches it.
    byte[] flipped = withTheDatabaseChanged(good);
    assertRefused(Files.write(folder.resolve("flipped.zip"), flipped), "is damaged");

    Path notZip = Files.writeString(folder.resolve("notes.zip"), "not a backup at all");
    assertRefused(notZip, "not a zip archive");

    Path missing = folder.resolve("missing.zip");
    assertRefused(missing, "no such file");
  }

  @Test
  void aTamperedEntryIsCaughtByTheManifest() throws Exception {
    Path archive = folder.resolve("site.zip");
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo()) {
      assertThat(Cli.run(site, "backup", archive.toString()).exitCode()).isZero();
    }
    // A well-formed zip whose database differs from what the manifest recorded.
    Path tampered = folder.resolve("tampered.zip");
    try (ZipFile zip = new ZipFile(archive.toFile());
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
      for (var entry : Collections.list(zip.entries())) {
        out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("broadsheet.db")) {
          bytes[bytes.length - 1] ^= 1;
        }
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertRefused(tampered, "does not match the checksum in its manifest");
  }

  @Test
  void backupRefusesToOverwriteAFile() throws Exception {
    Path archive = Files.writeString(folder.resolve("site.zip"), "keep me");
    try (TestSite site = TestSite.open(Engine.SQLITE)) {
      Cli.Run run = Cli.run(site, "backup", archive.toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains(archive + " already exists");
      assertThat(Files.readString(archive)).isEqualTo("keep me");
      Cli.Run nowhere = Cli.run(site, "backup", folder.resolve("no/such/site.zip").toString());
      assertThat(nowhere.exitCode()).isEqualTo(2);
      assertThat(nowhere.err()).contains("does not exist");
    }
    assertThat(leftovers()).containsExactly("site.zip");
  }

  @Test
  void aPostgresqlSiteIsBackedUpWithPgDump() throws Exception {
    Path archive = folder.resolve("pg.zip");
    try (TestSite site = TestSite.open(Engine.POSTGRESQL).withDemo()) {
      Cli.Run run = Cli.run(site, "backup", archive.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Backed up broadsheet.pgdump");
    }
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertThat(zip.getEntry("broadsheet.pgdump")).isNotNull();
      byte[] dump = zip.getInputStream(zip.getEntry("broadsheet.pgdump")).readNBytes(5);
      assertThat(new String(dump, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PGDMP");
      // The pictures are in the dump.
      assertThat(zip.stream().noneMatch(e -> e.getName().startsWith("media/"))).isTrue();
    }
    Cli.Run restore =
        Cli.run("restore", archive.toString(), "--data", folder.resolve("r").toString());
    assertThat(restore.exitCode()).isEqualTo(2);
    assertThat(restore.err()).contains("pg_restore", "docs/backup.md");
    assertThat(folder.resolve("r")).doesNotExist();
  }

  @Test
  void entryNamesCannotLeaveTheDataFolder() {
    assertThat(BackupArchive.safeName("broadsheet.db")).isTrue();
    assertThat(BackupArchive.safeName("media/harbour-vote-0a1b2c3d4e5f.jpg")).isTrue();
    assertThat(BackupArchive.safeName("media/2026/11/lead picture.png")).isTrue();
    for (String bad :
        List.of(
            "../broadsheet.db",
            "/etc/passwd",
            "media/../broadsheet.db",
            "media/..",
            "media/.hidden",
            "media//x.jpg",
            "media/a\\..\\b",
            "media/",
            "other/x.jpg",
            "broadsheet.lock")) {
      assertThat(BackupArchive.safeName(bad)).as(bad).isFalse();
    }
  }

  /**
   * The archive with one byte changed where it changes what the database entry holds. Not any byte
   * does: a database is mostly zeros, and a changed back-reference of the compressed stream may
   * copy zeros from elsewhere and inflate to the very same file, which is then rightly restored.
   */
  private static byte[] withTheDatabaseChanged(byte[] good) throws IOException {
    byte[] database = databaseEntry(good);
    for (int at = 200; at < good.length; at++) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x5a;
      try {
        if (!Arrays.equals(databaseEntry(flipped), database)) {
          return flipped;
        }
      } catch (IOException unreadable) {
        return flipped;
      }
    }
    throw new AssertionError("no byte of the archive changes its database");
  }

  private static byte[] databaseEntry(byte[] archive) throws IOException {
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("broadsheet.db")) {
          return zip.readAllBytes();
        }
      }
    }
    throw new IOException("no database entry");
  }

  private void assertRefused(Path archive, String reason) throws IOException {
    Path target = folder.resolve("target");
    List<String> before = leftovers();
    Cli.Run run = Cli.run("restore", archive.toString(), "--data", target.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(reason).doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(target).doesNotExist();
    assertThat(leftovers()).isEqualTo(before);
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static byte[] slice(byte[] bytes, int length) {
    byte[] part = new byte[length];
    System.arraycopy(bytes, 0, part, 0, length);
    return part;
  }

  private static Map<String, String> checksums(Path root) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return sums;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString();
        if (name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith(".changes")) {
          continue;
        }
        sums.put(
            name,
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return sums;
  }

  /** Every stored picture's name and the SHA-256 of its bytes. */
  private static Map<String, String> pictures(Database database) {
    Map<String, String> sums = new TreeMap<>();
    database.useTransaction(
        tx ->
            tx.handle()
                .createQuery("SELECT file_name, bytes FROM image_file")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                .forEach(
                    row -> {
                      try {
                        sums.put(
                            row.getKey(),
                            HexFormat.of()
                                .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(row.getValue())));
                      } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                      }
                    }));
    return sums;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting");
      }
      Thread.sleep(10);
    }
  }
}
