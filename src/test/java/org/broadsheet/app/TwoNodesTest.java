package org.broadsheet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.SiteProcess;
import org.broadsheet.testing.Stories;
import org.broadsheet.testing.TestNginx;
import org.broadsheet.testing.TestPostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one site, deployed as docs/deploy.md describes: two `broadsheet serve` processes,
 * each a JVM of its own with its own data folder, on one PostgreSQL, behind nginx running the
 * deploy guide's configuration as a round-robin load balancer. What is changed once, through either
 * node or from the command line, every node shows.
 *
 * <p>The command line runs in this JVM (as {@link Cli} always does) on node A's data folder, as an
 * operator runs it on node A's machine: node A sees its changes on its very next request through
 * the shared change signal, node B when PostgreSQL's notice arrives: well under a second
 * (speed.md), which the test allows five for, as node B shares two cores with PostgreSQL, nginx and
 * node A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private static final long NOTICE_MILLIS = 5_000;

  private static Path root;
  private static String databaseUrl;
  private static SiteProcess nodeA;
  private static SiteProcess nodeB;
  private static TestNginx nginx;

  @TempDir Path folder;

  @BeforeAll
  static void startTwoNodesBehindNginx() throws IOException {
    root = Files.createTempDirectory("broadsheet-two-nodes");
    databaseUrl = TestPostgres.newDatabaseUrl();
    try (Application seed =
        Application.open(Location.resolve(root.resolve("seed"), databaseUrl, Map.of()))) {
      seed.installDemo();
      seed.settings().set("comments.min_fill_seconds", "0");
    }
    nodeA = SiteProcess.serve(root.resolve("a"), databaseUrl, Map.of());
    nodeB = SiteProcess.serve(root.resolve("b"), databaseUrl, Map.of());
    nginx = TestNginx.inFrontOf(List.of(nodeA.port(), nodeB.port()));
    // The public address is the proxy's: the comment form's origin check compares with it.
    assertThat(cli("settings", "set", "site.base_url", nginx.url("")).exitCode()).isZero();
  }

  @AfterAll
  static void stopEverything() throws IOException {
    if (nginx != null) {
      nginx.close();
    }
    for (SiteProcess node : new SiteProcess[] {nodeA, nodeB}) {
      if (node != null) {
        // SIGTERM, as systemd stops a node: a clean stop, which the JVM reports as 143.
        assertThat(node.stop()).as(node.log()).isEqualTo(143);
      }
    }
    if (root != null) {
      try (var walk = Files.walk(root)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The broadsheet command on node A's data folder and the site's database. */
  private static Cli.Run cli(String... words) {
    List<String> args = new ArrayList<>(List.of(words).subList(0, 2));
    args.addAll(List.of("--data", nodeA.dataFolder().toString(), "--database-url", databaseUrl));
    args.addAll(List.of(words).subList(2, words.length));
    return Cli.run(args.toArray(String[]::new));
  }

  private static Reader throughNginx() {
    return new Reader(nginx.url(""), InetAddress.getLoopbackAddress());
  }

  /**
   * Asks until the node answers from its cache: a change notice arriving between two requests (of
   * an earlier step, say) drops the page once more.
   */
  private static void warm(SiteProcess node, String path) throws InterruptedException {
    String cache = node.get(path).headers().firstValue("x-cache").orElse("");
    for (int tries = 0; tries < 40 && !cache.equals("HIT"); tries++) {
      Thread.sleep(50);
      cache = node.get(path).headers().firstValue("x-cache").orElse("");
    }
    assertThat(cache).as(path).isEqualTo("HIT");
  }

  /** The page as the node next shows it, allowing node B the time PostgreSQL's notice takes. */
  private static String seenBy(SiteProcess node, String path, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + NOTICE_MILLIS * 1_000_000;
    String body = node.get(path).body();
    while (!body.contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(5);
      body = node.get(path).body();
    }
    return body;
  }

  @Test
  void aCommentPostedThroughOneNodeAndApprovedFromTheCommandLineShowsOnBoth() throws Exception {
    HttpResponse<String> posted =
        throughNginx()
            .comment(
                ARTICLE,
                Map.of(
                    "name",
                    "Node Reader",
                    "email",
                    "node-reader@example.org",
                    "comment",
                    "Heard on every node."));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    String location = posted.headers().firstValue("location").orElseThrow();
    String id = location.substring(location.indexOf("#comment-") + "#comment-".length());
    warm(nodeA, ARTICLE);
    warm(nodeB, ARTICLE);
    assertThat(nodeA.get(ARTICLE).body()).doesNotContain("Heard on every node.");

    assertThat(cli("comments", "approve", id).exitCode()).isZero();

    assertThat(nodeA.get(ARTICLE).body()).contains("Heard on every node.");
    assertThat(seenBy(nodeB, ARTICLE, "Heard on every node.")).contains("Heard on every node.");
    Reader reader = throughNginx();
    for (int request = 0; request < 4; request++) {
      assertThat(reader.get(ARTICLE).body()).contains("Heard on every node.");
    }
    assertThat(nginx.accessLog())
        .anyMatch(line -> line.endsWith("upstream=127.0.0.1:" + nodeA.port()))
        .anyMatch(line -> line.endsWith("upstream=127.0.0.1:" + nodeB.port()));
  }

  @Test
  void aPictureImportedOnceIsServedByBothNodes() throws Exception {
    Path story = Stories.withPicture(folder, "every-node", Color.GREEN);
    assertThat(cli("import", "markdown", story.toString()).exitCode()).isZero();
    byte[] original = Files.readAllBytes(folder.resolve("images/every-node.png"));

    String src =
        Jsoup.parse(seenBy(nodeB, "/articles/every-node", "every-node-"))
            .selectFirst("figure.lead-figure img")
            .attr("src");
    byte[] served = nodeA.getBytes(src).body();
    // A clean copy of the file (the same pixels, re-encoded), the same bytes from either node.
    java.awt.image.BufferedImage expected =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(original));
    java.awt.image.BufferedImage copy =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served));
    assertThat(copy.getRGB(0, 0, 40, 30, null, 0, 40))
        .isEqualTo(expected.getRGB(0, 0, 40, 30, null, 0, 40));
    for (SiteProcess node : List.of(nodeA, nodeB)) {
      HttpResponse<byte[]> picture = node.getBytes(src);
      assertThat(picture.statusCode()).isEqualTo(200);
      assertThat(picture.body()).isEqualTo(served);
      assertThat(picture.headers().firstValue("cache-control"))
          .hasValue("public, max-age=31536000, immutable");
      assertThat(node.dataFolder().resolve("media")).doesNotExist();
    }
    Reader reader = throughNginx();
    for (int request = 0; request < 4; request++) {
      HttpResponse<String> picture = reader.get(src);
      assertThat(picture.statusCode()).isEqualTo(200);
      assertThat(picture.headers().firstValue("content-type")).hasValue("image/png");
    }
  }

  /** Last: it stops node B, as `systemctl stop` or a restart one node at a time does. */
  @Test
  @Order(Integer.MAX_VALUE)
  void whileOneNodeStopsTheOtherAnswersEveryRequest() throws Exception {
    Reader reader = throughNginx();
    AtomicBoolean stopping = new AtomicBoolean(true);
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Thread readers =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (stopping.get()) {
                    statuses.add(reader.get(ARTICLE).statusCode());
                  }
                });
    Thread.sleep(200);
    assertThat(nodeB.stop()).as(nodeB.log()).isEqualTo(143);
    for (int request = 0; request < 10; request++) {
      statuses.add(reader.get(ARTICLE).statusCode());
    }
    stopping.set(false);
    readers.join();
    assertThat(statuses).hasSizeGreaterThan(10).containsOnly(200);
  }

  @Test
  void aSettingChangedOnceIsSeenByBothNodes() throws Exception {
    warm(nodeA, "/");
    warm(nodeB, "/");

    assertThat(cli("settings", "set", "site.name", "The Two Node Gazette").exitCode()).isZero();

    assertThat(nodeA.get("/").body()).contains("The Two Node Gazette");
    assertThat(seenBy(nodeB, "/", "The Two Node Gazette")).contains("The Two Node Gazette");
    Reader reader = throughNginx();
    for (int request = 0; request < 4; request++) {
      assertThat(reader.get("/").body()).contains("The Two Node Gazette");
    }
  }
}
