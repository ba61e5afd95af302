package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cached pages sent from their files with sendfile (docs/speed.md) arrive byte for byte as
 * rendered, whatever else the same connection carries, to a reader too slow to take them at once,
 * and even when the page is dropped from the cache while it is still being sent.
 */
class ZeroCopyTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo().serve();
  }

  /** The article as it is now, in the cache. */
  private static byte[] cachedArticle() {
    byte[] article = site.getBytes(ARTICLE).body();
    assertThat(site.get(ARTICLE).headers().firstValue("x-cache")).hasValue("HIT");
    return article;
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void largePagesAreHeldInFilesWhereTheSystemAllows() {
    byte[] article = cachedArticle();
    // The build runs on Linux with the launcher's options: the fast path is the one tested here.
    assertThat(PageBody.ZERO_COPY).isTrue();
    assertThat(article.length).isGreaterThan(PageBody.ZERO_COPY_MIN_BYTES);
    assertThat(PageBody.of(article).inFile()).isTrue();
    assertThat(PageBody.of(new byte[100]).inFile()).isFalse();
    byte[] read = new byte[article.length];
    PageBody.of(article).view().get(read);
    assertThat(read).isEqualTo(article);
  }

  @Test
  void bodiesBeyondTheBudgetOfFilesAreHeldInMemory() throws Exception {
    byte[] article = cachedArticle();
    FileBudget budget = new FileBudget(1);
    PageBody first = PageBody.of(article, budget);
    PageBody second = PageBody.of(article, budget);
    assertThat(first.inFile()).isTrue();
    assertThat(second.inFile()).isFalse();
    byte[] read = new byte[article.length];
    second.view().get(read);
    assertThat(read).isEqualTo(article);
    // A body no longer held gives its file back.
    first = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (budget.held() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(budget.held()).isZero();
    assertThat(PageBody.of(article, budget).inFile()).isTrue();
    // The site's own budget is a quarter of this process's limit on open files.
    assertThat(PageBody.FILES.max()).isGreaterThan(100);
  }

  @Test
  void theKernelTakesTheHeaderAndTheBodyFromItsFileItself() throws IOException {
    byte[] article = cachedArticle();
    PageBody body = PageBody.of(article);
    ByteBuffer header =
        ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int headerLength = header.remaining();
    try (ServerSocketChannel listening = ServerSocketChannel.open()) {
      listening.bind(new InetSocketAddress("127.0.0.1", 0));
      try (SocketChannel reader = SocketChannel.open(listening.getLocalAddress());
          SocketChannel sender = listening.accept()) {
        int socket = KernelSend.duplicate(sender);
        assertThat(socket).isNotNegative();
        // Not the fallback through the JDK: each call reports the bytes the kernel took.
        assertThat(KernelSend.sendMore(socket, header)).isEqualTo(headerLength);
        assertThat(header.hasRemaining()).isFalse();
        long sent = 0;
        while (sent < article.length) {
          long now = KernelSend.sendFile(socket, body.descriptor(), sent, article.length - sent);
          assertThat(now).isPositive();
          sent += now;
        }
        ByteBuffer received = ByteBuffer.allocate(headerLength + article.length);
        while (received.hasRemaining() && reader.read(received) >= 0) {
          // Until the header and the whole body have arrived.
        }
        byte[] expected = new byte[headerLength + article.length];
        System.arraycopy(
            "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            0,
            expected,
            0,
            headerLength);
        System.arraycopy(article, 0, expected, headerLength, article.length);
        assertThat(received.array()).isEqualTo(expected);
        KernelSend.release(socket);
      }
    }
  }

  @Test
  void aConnectionClosedAfterItsPageEndsAndLeavesNoDescriptorBehind() throws Exception {
    byte[] article = cachedArticle();
    long before = openDescriptors();
    for (int i = 0; i < 200; i++) {
      try (Socket socket = connect(0)) {
        socket
            .getOutputStream()
            .write(
                request("GET", ARTICLE, "Connection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        assertThat(read(in, false)).isEqualTo(new Answer(200, article));
        // The site's own descriptor of the socket does not keep the connection open.
        assertThat(in.read()).isEqualTo(-1);
      }
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (openDescriptors() > before + 20 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(openDescriptors()).isLessThan(before + 20);
  }

  private static long openDescriptors() throws IOException {
    try (var descriptors = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      return descriptors.count();
    }
  }

  @Test
  void pipelinedAnswersOfEveryKindArriveWhole() throws IOException {
    byte[] article = cachedArticle();
    byte[] gzip = site.getBytes(ARTICLE, "Accept-Encoding", "gzip").body();
    byte[] robots = site.getBytes("/robots.txt").body();
    String etag = site.get(ARTICLE).headers().firstValue("etag").orElseThrow();
    String requests =
        request("GET", ARTICLE, "")
            + request("GET", ARTICLE, "Accept-Encoding: gzip\r\n")
            + request("GET", ARTICLE, "If-None-Match: " + etag + "\r\n")
            + request("HEAD", ARTICLE, "")
            + request("GET", "/robots.txt", "")
            + request("GET", ARTICLE, "")
            + request("GET", ARTICLE, "");
    try (Socket socket = connect(0)) {
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(read(in, false)).isEqualTo(new Answer(200, article));
      assertThat(read(in, false)).isEqualTo(new Answer(200, gzip));
      assertThat(read(in, false).status()).isEqualTo(304);
      assertThat(read(in, true)).isEqualTo(new Answer(200, new byte[0]));
      assertThat(read(in, false)).isEqualTo(new Answer(200, robots));
      assertThat(read(in, false)).isEqualTo(new Answer(200, article));
      assertThat(read(in, false)).isEqualTo(new Answer(200, article));
    }
  }

  @Test
  void aSlowReaderGetsEveryByteEvenWhenThePageIsDroppedMeanwhile() throws Exception {
    byte[] article = cachedArticle();
    List<Socket> readers = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        // A small receive window, read late: the kernel takes only part of the page at first, and
        // the rest is sent as the reader makes room.
        Socket socket = connect(4096);
        socket
            .getOutputStream()
            .write(request("GET", ARTICLE, "").getBytes(StandardCharsets.US_ASCII));
        readers.add(socket);
      }
      // Each answer has begun (its header is read) before the pages are dropped.
      List<Head> heads = new ArrayList<>();
      for (Socket socket : readers) {
        heads.add(head(socket.getInputStream()));
      }
      // Every page is dropped while the answers are still on their way.
      site.application().settings().set("site.name", "The Slow Reader " + System.nanoTime());
      site.get("/");
      System.gc();
      Thread.sleep(100);
      for (int i = 0; i < readers.size(); i++) {
        Head head = heads.get(i);
        assertThat(
                new Answer(
                    head.status(), readers.get(i).getInputStream().readNBytes(head.length())))
            .isEqualTo(new Answer(200, article));
      }
    } finally {
      for (Socket socket : readers) {
        socket.close();
      }
    }
  }

  private static Socket connect(int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", site.port()), 5000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String request(String method, String path, String headers) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
  }

  record Answer(int status, byte[] body) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Answer answer
          && answer.status == status
          && java.util.Arrays.equals(answer.body, body);
    }

    @Override
    public int hashCode() {
      return status * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
      return status + " with " + body.length + " bytes";
    }
  }

  /** An answer's status and the length of its body, as its header says. */
  record Head(int status, int length) {}

  /** Reads one answer: its status line, its header fields and the body its Content-Length says. */
  private static Answer read(InputStream in, boolean head) throws IOException {
    Head read = head(in);
    if (head || read.status() == 304) {
      return new Answer(read.status(), new byte[0]);
    }
    return new Answer(read.status(), in.readNBytes(read.length()));
  }

  /** Reads an answer's status line and header fields. */
  private static Head head(InputStream in) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    while (!header.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("connection closed inside an answer's header");
      }
      header.write(next);
    }
    String[] lines = header.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return new Head(status, length);
  }
}
