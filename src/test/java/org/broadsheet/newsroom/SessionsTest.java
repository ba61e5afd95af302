package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.ARTICLE;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.inside;
import static org.broadsheet.newsroom.NewsroomTesting.postFromHome;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import java.net.http.HttpResponse;
import java.util.Map;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions end when they should, forms need both CSRF checks, and no cache keeps their pages. */
class SessionsTest {
  private static final String ED = "ed@harbour.example";
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, ED, "editor");
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void signingOutEndsThisSessionOnly() {
    Reader laptop = signedIn(site, ED);
    Reader phone = signedIn(site, ED);
    HttpResponse<String> out = postFromHome(laptop, site, "/newsroom/sign-out");
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).hasValue("/newsroom/sign-in?signed-out");
    assertThat(out.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("bs_session=;") && c.contains("Expires=Thu, 01 Jan 1970"));
    assertThat(inside(laptop)).isFalse();
    assertThat(inside(phone)).isTrue();
  }

  @Test
  void signingOutEverywhereEndsEverySession() {
    Reader laptop = signedIn(site, ED);
    Reader phone = signedIn(site, ED);
    assertThat(laptop.page("/newsroom").select("main").text()).contains("signed in on 2 devices");
    assertThat(postFromHome(phone, site, "/newsroom/sign-out-everywhere").statusCode())
        .isEqualTo(303);
    assertThat(inside(laptop)).isFalse();
    assertThat(inside(phone)).isFalse();
  }

  @Test
  void disablingSomeoneEndsTheirSessionsAndStopsTheirSignIn() {
    Reader reader = signedIn(site, ED);
    assertThat(Cli.run(site, "users", "disable", ED).exitCode()).isZero();
    assertThat(inside(reader)).isFalse();
    HttpResponse<String> again =
        NewsroomTesting.signIn(new Reader(site), site, ED, NewsroomTesting.PASSWORD);
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(Cli.run(site, "users", "enable", ED).exitCode()).isZero();
    assertThat(inside(signedIn(site, ED))).isTrue();
  }

  @Test
  void aNewRoleOrPasswordEndsTheirSessions() {
    Reader reader = signedIn(site, ED);
    assertThat(Cli.run(site, "users", "role", ED, "reporter").exitCode()).isZero();
    assertThat(inside(reader)).isFalse();
    Reader again = signedIn(site, ED);
    assertThat(again.page("/newsroom").select(".newsroom-role").text()).isEqualTo("Reporter");
    assertThat(Cli.withInput("another long password\n", site, "users", "passwd", ED).exitCode())
        .isZero();
    assertThat(inside(again)).isFalse();
  }

  @Test
  void formsWithoutThisSitesOriginOrTheSessionsTokenChangeNothing() {
    Reader reader = signedIn(site, ED);
    Map<String, String> form = NewsroomTesting.hiddenFields(reader, "/newsroom");
    String home = site.url("/newsroom");
    // No Origin or Referer at all.
    assertRefused(reader.post("/newsroom/sign-out-everywhere", form, Map.of()));
    // Another site's.
    assertRefused(
        reader.post(
            "/newsroom/sign-out-everywhere", form, Map.of("Origin", "https://evil.example")));
    assertRefused(
        reader.post(
            "/newsroom/sign-out", form, Map.of("Referer", "https://evil.example/newsroom")));
    // This site's, but no token, or another session's.
    assertRefused(reader.post("/newsroom/sign-out", Map.of(), Map.of("Referer", home)));
    Map<String, String> othersToken = NewsroomTesting.hiddenFields(signedIn(site, ED), "/newsroom");
    assertRefused(reader.post("/newsroom/sign-out", othersToken, Map.of("Origin", site.url(""))));
    assertThat(inside(reader)).isTrue();
    assertThat(
            site.application()
                .accounts()
                .sessionCount(site.application().accounts().find(ED).orElseThrow()))
        .isEqualTo(2);
    // The sign-in form too: a forged sign-in starts no session.
    Reader stranger = new Reader(site);
    Map<String, String> signIn = NewsroomTesting.hiddenFields(stranger, "/newsroom/sign-in");
    signIn.put("email", ED);
    signIn.put("password", NewsroomTesting.PASSWORD);
    HttpResponse<String> forged =
        stranger.post("/newsroom/sign-in", signIn, Map.of("Origin", "https://evil.example"));
    assertRefused(forged);
    signIn.remove("csrf");
    assertRefused(stranger.post("/newsroom/sign-in", signIn, Map.of("Origin", site.url(""))));
    assertThat(inside(stranger)).isFalse();
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(NewsroomTesting.parse(response).select("h1").text()).isEqualTo("Form not accepted");
    assertThat(response.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("bs_session="));
  }

  @Test
  void signedInPagesAreNeverCachedWhilePublicPagesStayCachedForReaders() {
    Reader anonymous = new Reader(site);
    assertThat(anonymous.get(ARTICLE).headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(anonymous.get(ARTICLE).headers().firstValue("X-Cache")).hasValue("HIT");

    Reader editor = signedIn(site, ED);
    for (String path : new String[] {ARTICLE, "/", "/newsroom"}) {
      HttpResponse<String> page = editor.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("X-Cache")).as(path).isEmpty();
      assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("private, no-store");
    }
    assertThat(editor.page("/newsroom").select("main").text()).contains("Pat editor");
    // The newsroom page never entered the cache: a reader without a session is sent to sign in.
    assertThat(anonymous.get("/newsroom").statusCode()).isEqualTo(303);
    assertThat(anonymous.get(ARTICLE).headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(anonymous.get(ARTICLE).body()).doesNotContain("Pat editor");
  }
}
