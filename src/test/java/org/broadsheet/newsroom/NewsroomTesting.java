package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A site with an article and people to sign in, and a browser's way through the newsroom's forms.
 */
final class NewsroomTesting {
  static final String PASSWORD = "correct horse battery staple";
  static final String ARTICLE = "/articles/harbour-vote";

  private NewsroomTesting() {}

  static TestSite site() {
    return site(Engine.SQLITE);
  }

  static TestSite site(Engine engine) {
    TestSite site = TestSite.open(engine);
    Instant published = Instant.now().minusSeconds(3600);
    site.application()
        .articles()
        .save(
            new ArticleDraft(
                "harbour-vote",
                "Council",
                "Harbour Vote Goes to a Second Round",
                "Councillors split.",
                "The vote was close.",
                "Politics",
                List.of("harbour"),
                List.of("Ada Quill"),
                ArticleStatus.PUBLISHED,
                published,
                published,
                null,
                Map.of(),
                null));
    return site.serve();
  }

  /** Adds a person from the command line, with {@link #PASSWORD}. */
  static void add(TestSite site, String email, String role) {
    Cli.Run run =
        Cli.withInput(
            PASSWORD + "\n", site, "users", "add", email, "--name", "Pat " + role, "--role", role);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** Opens the sign-in page and sends its form as a browser would. */
  static HttpResponse<String> signIn(Reader reader, TestSite site, String email, String password) {
    return signIn(reader, site, email, password, "");
  }

  static HttpResponse<String> signIn(
      Reader reader, TestSite site, String email, String password, String code) {
    Map<String, String> form = hiddenFields(reader, "/newsroom/sign-in");
    form.put("email", email);
    form.put("password", password);
    form.put("code", code);
    return reader.post("/newsroom/sign-in", form, Map.of("Origin", site.url("")));
  }

  /** A reader signed in as this person. */
  static Reader signedIn(TestSite site, String email) {
    Reader reader = new Reader(site);
    HttpResponse<String> response = signIn(reader, site, email, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    return reader;
  }

  /** The hidden fields of the first form on a page (its CSRF token among them). */
  static Map<String, String> hiddenFields(Reader reader, String page) {
    Document document = reader.page(page);
    Map<String, String> form = new LinkedHashMap<>();
    document
        .select("main form[method=post]")
        .first()
        .select("input[type=hidden]")
        .forEach(input -> form.put(input.attr("name"), input.attr("value")));
    return form;
  }

  /** Sends one of the landing page's forms (sign out, sign out everywhere), from that page. */
  static HttpResponse<String> postFromHome(Reader reader, TestSite site, String action) {
    Map<String, String> form = hiddenFields(reader, "/newsroom");
    return reader.post(action, form, Map.of("Origin", site.url("")));
  }

  static Document parse(HttpResponse<String> response) {
    return Jsoup.parse(response.body());
  }

  /** Whether this reader's session still opens the newsroom. */
  static boolean inside(Reader reader) {
    return reader.get("/newsroom").statusCode() == 200;
  }
}
