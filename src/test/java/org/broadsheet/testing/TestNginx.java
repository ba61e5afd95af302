package org.broadsheet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx (package nginx, which .ci/run installs) in front of test sites: a generated
 * configuration in a temporary folder that also holds its logs, PID file and temporary files, run
 * in the foreground ({@code daemon off}) on a free port of 127.0.0.1 and stopped by its PID.
 *
 * <p>{@link #inFrontOf} and {@link #withTlsInFrontOf} run the very site configuration
 * docs/deploy.md gives operators, adapted only where a test must differ: a free port instead of 80
 * and 443, plain HTTP or a certificate made for the test, and the test's nodes as the upstream
 * servers.
 */
public final class TestNginx implements AutoCloseable {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final Path DEPLOY_GUIDE = Path.of("docs/deploy.md");
  private static final Pattern GUIDE_BLOCK =
      Pattern.compile("<!-- nginx site: tested -->\\s*```nginx\\n(.*?)```", Pattern.DOTALL);

  /** The http-level configuration (upstreams and servers) for nginx's folder and free port. */
  @FunctionalInterface
  public interface SiteConfig {
    String make(Path folder, int port);
  }

  private final Path folder;
  private final Process process;
  private final int port;
  private final boolean tls;
  private final Thread stopAtExit;

  private TestNginx(Path folder, Process process, int port, boolean tls) {
    this.folder = folder;
    this.process = process;
    this.port = port;
    this.tls = tls;
    this.stopAtExit = new Thread(this::stop, "stop-test-nginx");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /**
   * nginx as docs/deploy.md configures it, passing requests round-robin to sites listening on these
   * ports of 127.0.0.1; plain HTTP.
   */
  public static TestNginx inFrontOf(List<Integer> sitePorts) {
    String site = deployGuideSite();
    return start((folder, port) -> forTest(site, sitePorts, port, null), false);
  }

  /**
   * As {@link #inFrontOf}, with TLS as the guide has it, on a certificate for 127.0.0.1 made for
   * the test; readers trust it through {@link #clientTls()}.
   */
  public static TestNginx withTlsInFrontOf(List<Integer> sitePorts) {
    String site = deployGuideSite();
    return start(
        (folder, port) -> forTest(site, sitePorts, port, selfSignedCertificate(folder)), true);
  }

  /** Starts nginx with the given http-level configuration. */
  public static TestNginx start(SiteConfig siteConfig) {
    return start(siteConfig, false);
  }

  private static TestNginx start(SiteConfig siteConfig, boolean tls) {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException(
          "Tests need nginx: apt-get install nginx (.ci/run does this)");
    }
    try {
      Path folder = Files.createTempDirectory("broadsheet-nginx");
      int port = freePort();
      boolean root = "root".equals(System.getProperty("user.name"));
      String config =
          """
          daemon off;
          master_process on;
          worker_processes 1;
          %s
          pid %s;
          error_log %s info;
          events { worker_connections 512; }
          http {
            log_format upstreams '$remote_addr "$request" $status upstream=$upstream_addr';
            access_log %s upstreams;
            client_body_temp_path %s;
            proxy_temp_path %s;
            fastcgi_temp_path %s;
            uwsgi_temp_path %s;
            scgi_temp_path %s;
          %s
          }
          """
              .formatted(
                  root ? "user root;" : "",
                  folder.resolve("nginx.pid"),
                  folder.resolve("error.log"),
                  folder.resolve("access.log"),
                  folder.resolve("client_body"),
                  folder.resolve("proxy"),
                  folder.resolve("fastcgi"),
                  folder.resolve("uwsgi"),
                  folder.resolve("scgi"),
                  siteConfig.make(folder, port));
      Path conf = folder.resolve("nginx.conf");
      Files.writeString(conf, config);
      Process process =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-p",
                  folder.toString(),
                  "-c",
                  conf.toString(),
                  "-e",
                  folder.resolve("error.log").toString())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("nginx.out").toFile())
              .start();
      TestNginx nginx = new TestNginx(folder, process, port, tls);
      nginx.awaitListening();
      return nginx;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start nginx", e);
    }
  }

  /**
   * The site configuration of docs/deploy.md, for a test: the free port instead of 80 and 443, the
   * test's nodes as the upstream servers, and either plain HTTP or the given certificate.
   *
   * @param certificate the certificate and key files, or null for plain HTTP
   */
  static String forTest(String site, List<Integer> sitePorts, int listenPort, Path[] certificate) {
    // The plain-HTTP server that only redirects to HTTPS has no place in a test.
    String withoutRedirect =
        Pattern.compile("server \\{[^{}]*return 301[^{}]*}\\n*").matcher(site).replaceAll("");
    StringBuilder out = new StringBuilder();
    boolean inUpstream = false;
    boolean nodesWritten = false;
    boolean listened = false;
    for (String line : withoutRedirect.split("\n")) {
      String directive = line.strip();
      if (directive.startsWith("upstream ")) {
        inUpstream = true;
      } else if (inUpstream && directive.startsWith("}")) {
        inUpstream = false;
      } else if (inUpstream && directive.startsWith("server ")) {
        if (!nodesWritten) {
          sitePorts.forEach(node -> out.append("    server 127.0.0.1:%d;%n".formatted(node)));
          nodesWritten = true;
        }
        continue;
      } else if (directive.startsWith("listen ")) {
        if (!listened) {
          // With TLS the guide's own flags (ssl, http2) are kept.
          out.append(
              certificate == null
                  ? "    listen 127.0.0.1:%d;%n".formatted(listenPort)
                  : line.replaceFirst("listen\\s+\\S+", "listen 127.0.0.1:" + listenPort) + "\n");
          listened = true;
        }
        continue;
      } else if (directive.startsWith("ssl_certificate ") && certificate != null) {
        line = "    ssl_certificate " + certificate[0] + ";";
      } else if (directive.startsWith("ssl_certificate_key ") && certificate != null) {
        line = "    ssl_certificate_key " + certificate[1] + ";";
      } else if (directive.startsWith("ssl_")) {
        continue;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** A certificate and key for 127.0.0.1 made with openssl: {certificate, key}. */
  private static Path[] selfSignedCertificate(Path folder) {
    Path certificate = folder.resolve("cert.pem");
    Path key = folder.resolve("key.pem");
    try {
      Process openssl =
          new ProcessBuilder(
                  "openssl",
                  "req",
                  "-x509",
                  "-newkey",
                  "ec",
                  "-pkeyopt",
                  "ec_paramgen_curve:prime256v1",
                  "-nodes",
                  "-days",
                  "2",
                  "-subj",
                  "/CN=127.0.0.1",
                  "-addext",
                  "subjectAltName=IP:127.0.0.1",
                  "-keyout",
                  key.toString(),
                  "-out",
                  certificate.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(openssl.getInputStream().readAllBytes());
      if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
        throw new IllegalStateException("openssl could not make a test certificate:\n" + output);
      }
      return new Path[] {certificate, key};
    } catch (IOException e) {
      throw new IllegalStateException("Tests with TLS need openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A TLS context that trusts this nginx's test certificate (and nothing else). */
  public SSLContext clientTls() {
    try (InputStream in = Files.newInputStream(folder.resolve("cert.pem"))) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry(
          "nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not trust the test certificate", e);
    }
  }

  private static String deployGuideSite() {
    try {
      Matcher block = GUIDE_BLOCK.matcher(Files.readString(DEPLOY_GUIDE));
      if (!block.find()) {
        throw new IllegalStateException(DEPLOY_GUIDE + " lost its tested nginx configuration");
      }
      return block.group(1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port + path;
  }

  /** Lines of the access log: client address, request, status and the node that answered. */
  public List<String> accessLog() {
    try {
      return Files.readAllLines(folder.resolve("access.log"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String log = read("nginx.out") + read("error.log");
        stop();
        throw new IllegalStateException("nginx did not start:\n" + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    String log = read("error.log");
    stop();
    throw new IllegalStateException("nginx did not listen on port " + port + ":\n" + log);
  }

  private String read(String file) {
    try {
      return Files.readString(folder.resolve(file));
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops nginx by its PID: SIGTERM to the master, which stops its worker. */
  private synchronized void stop() {
    if (process.isAlive()) {
      List<ProcessHandle> workers = process.descendants().toList();
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException alreadyExiting) {
      // The hook is running or has run.
    }
    try {
      TestPostgres.deleteTree(folder);
    } catch (IOException e) {
      // Leftover temporary files are harmless.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
