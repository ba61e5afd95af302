package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Crawls every public page and feed of a site full of comments, looking for commenters' emails. */
class EmailPrivacyTest {
  @ParameterizedTest
  @MethodSource("org.broadsheet.testing.TestSite#engines")
  void noCommentersEmailAppearsInAnyPublicPageOrFeed(Engine engine) throws IOException {
    try (TestSite site = TestSite.open(engine).withDemo()) {
      site.application().settings().set("comments.min_fill_seconds", "0");
      site.application().settings().set("comments.moderation", "none");
      site.serve();
      Set<String> emails = new LinkedHashSet<>(demoEmails());
      Reader commenter = new Reader(site);
      for (int i = 0; i < 5; i++) {
        String email = "private.reader" + i + "@example.net";
        emails.add(email);
        commenter.comment(
            "/articles/halden-observatory-comet",
            CommentTesting.with(
                CommentTesting.fields("Reader " + i, email, "Comment " + i),
                "website",
                "https://reader" + i + ".example.org"));
      }
      assertThat(emails).hasSizeGreaterThan(20);

      Reader crawler = new Reader(site);
      Deque<String> queue = new ArrayDeque<>(java.util.List.of("/", "/comments.atom"));
      Set<String> seen = new LinkedHashSet<>(queue);
      while (!queue.isEmpty() && seen.size() < 400) {
        String path = queue.poll();
        HttpResponse<String> response = crawler.get(path);
        String body = response.body().toLowerCase();
        for (String email : emails) {
          assertThat(body).as("page " + path).doesNotContain(email.toLowerCase());
          String local = email.substring(0, email.indexOf('@')).toLowerCase();
          assertThat(body).as("page " + path).doesNotContain(local + "@");
        }
        assertThat(body).as("no Gravatar on " + path).doesNotContain("gravatar");
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
          for (Element link :
              Jsoup.parse(response.body(), site.url(path)).select("a[href], link[href]")) {
            String href = link.attr("href");
            if (href.startsWith("/")
                && !href.startsWith("/media/")
                && !href.startsWith("/assets/")) {
              String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
              if (!target.isEmpty() && seen.add(target)) {
                queue.add(target);
              }
            }
          }
        }
      }
      assertThat(seen).as("pages crawled").hasSizeGreaterThan(30);
      assertThat(seen).contains("/articles/lower-quay-evacuation-agreement/comments.atom");
    }
  }

  private static Set<String> demoEmails() throws IOException {
    try (InputStream in = EmailPrivacyTest.class.getResourceAsStream("/demo/comments.yaml")) {
      Set<String> emails = new LinkedHashSet<>();
      Matcher matcher =
          Pattern.compile("email: (\\S+@\\S+)")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (matcher.find()) {
        emails.add(matcher.group(1));
      }
      return emails;
    }
  }
}
