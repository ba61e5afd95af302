package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.PASSWORD;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.parse;
import static org.broadsheet.newsroom.NewsroomTesting.signIn;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest {
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    add(site, "ed@harbour.example", "editor");
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void anonymousVisitorsAreSentToSignInAndBackToWhereTheyWere() {
    Reader reader = new Reader(site);
    HttpResponse<String> home = reader.get("/newsroom");
    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location"))
        .hasValue("/newsroom/sign-in?return=%2Fnewsroom");
    assertThat(home.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    HttpResponse<String> signInPage = reader.get("/newsroom/sign-in");
    assertThat(signInPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(signInPage.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
    // "no-referrer" would make browsers send "Origin: null" with the form.
    assertThat(signInPage.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

    HttpResponse<String> audit = reader.get("/newsroom/audit?action=sign-in");
    assertThat(audit.headers().firstValue("Location"))
        .hasValue("/newsroom/sign-in?return=%2Fnewsroom%2Faudit%3Faction%3Dsign-in");

    var page = reader.page("/newsroom/sign-in?return=%2Fnewsroom%2Faudit");
    // Every field has a visible label, and the form works without JavaScript.
    for (var input : page.select("main form input:not([type=hidden])")) {
      assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
    }
    assertThat(page.select("script")).isEmpty();
    var form = NewsroomTesting.hiddenFields(reader, "/newsroom/sign-in?return=%2Fnewsroom%2Faudit");
    assertThat(form).containsEntry("return", "/newsroom/audit");
    form.put("email", "ed@harbour.example");
    form.put("password", PASSWORD);
    HttpResponse<String> signedIn =
        reader.post("/newsroom/sign-in", form, java.util.Map.of("Origin", site.url("")));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/newsroom/audit");
  }

  @Test
  void signedInPeopleSeeTheirNameRoleAndLinks() {
    Reader reader = NewsroomTesting.signedIn(site, "ed@harbour.example");
    HttpResponse<String> home = reader.get("/newsroom");
    assertThat(home.statusCode()).isEqualTo(200);
    var page = parse(home);
    assertThat(page.select("main").text())
        .contains("Pat editor", "ed@harbour.example", "Editor", "Sign out everywhere");
    assertThat(page.select("a[href=/newsroom/audit]")).isEmpty();
    // Signed in already: the sign-in page sends them on.
    assertThat(reader.get("/newsroom/sign-in").statusCode()).isEqualTo(303);
  }

  @Test
  void theReturnPathMustBeOnThisSite() {
    for (String foreign :
        List.of(
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)")) {
      Reader reader = new Reader(site);
      var form = NewsroomTesting.hiddenFields(reader, "/newsroom/sign-in");
      form.put("return", foreign);
      form.put("email", "ed@harbour.example");
      form.put("password", PASSWORD);
      HttpResponse<String> response =
          reader.post("/newsroom/sign-in", form, java.util.Map.of("Origin", site.url("")));
      assertThat(response.statusCode()).isEqualTo(303);
      assertThat(response.headers().firstValue("Location")).as(foreign).hasValue("/newsroom");
    }
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameWords() {
    HttpResponse<String> unknown =
        signIn(new Reader(site), site, "nobody@harbour.example", PASSWORD);
    HttpResponse<String> wrong =
        signIn(new Reader(site), site, "ed@harbour.example", "not the password");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(wrong.statusCode()).isEqualTo(422);
    String said = parse(unknown).select("[role=alert]").text();
    assertThat(said).isEqualTo(AccountService.WRONG);
    assertThat(parse(wrong).select("[role=alert]").text()).isEqualTo(said);
    // The email typed is kept; a password never comes back.
    assertThat(parse(wrong).select("input[name=email]").val()).isEqualTo("ed@harbour.example");
    assertThat(wrong.body()).doesNotContain("not the password");
    assertThat(unknown.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("bs_session="));
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxForTheWholeSiteAndSecureOverHttps() throws Exception {
    HttpResponse<String> plain = signIn(new Reader(site), site, "ed@harbour.example", PASSWORD);
    String cookie = sessionCookie(plain);
    assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
    String token = cookie.substring("bs_session=".length(), cookie.indexOf(';'));
    assertThat(token).hasSize(43);
    // Stored only as its hash.
    int stored =
        site.application()
            .database()
            .read(
                tx ->
                    tx.handle()
                        .createQuery("SELECT COUNT(*) FROM newsroom_session WHERE token_hash = :t")
                        .bind("t", token)
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isZero();

    // Behind a trusted proxy that says the reader came over https.
    site.application().settings().set("web.trusted_proxies", "127.0.0.1");
    Reader reader = new Reader(site);
    var form = NewsroomTesting.hiddenFields(reader, "/newsroom/sign-in");
    form.put("email", "ed@harbour.example");
    form.put("password", PASSWORD);
    HttpResponse<String> secure =
        reader.post(
            "/newsroom/sign-in",
            form,
            java.util.Map.of("Origin", site.url(""), "X-Forwarded-Proto", "https"));
    assertThat(sessionCookie(secure)).contains("Secure", "HttpOnly", "SameSite=Lax");
  }

  private static String sessionCookie(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("bs_session="))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void failuresAreThrottledPerAccountWithATryLaterPage() throws Exception {
    Reader first = new Reader(site.url(""), InetAddress.getByName("127.0.0.2"));
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(first, site, "ed@harbour.example", "wrong password " + i).statusCode())
          .isEqualTo(422);
    }
    // The right password no longer helps, from any address.
    Reader elsewhere = new Reader(site.url(""), InetAddress.getByName("127.0.0.3"));
    HttpResponse<String> limited = signIn(elsewhere, site, "ed@harbour.example", PASSWORD);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("900");
    assertThat(parse(limited).select("[role=alert]").text()).contains("try again later");
    assertThat(limited.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("bs_session="));
    // Other people still sign in.
    add(site, "rep@harbour.example", "reporter");
    assertThat(signIn(elsewhere, site, "rep@harbour.example", PASSWORD).statusCode())
        .isEqualTo(303);
  }

  @Test
  void failuresAreThrottledPerClientAddress() throws Exception {
    site.application().settings().set("newsroom.sign_in_failures_per_address", "4");
    Reader guesser = new Reader(site.url(""), InetAddress.getByName("127.0.0.4"));
    for (int i = 0; i < 4; i++) {
      assertThat(signIn(guesser, site, "guess" + i + "@harbour.example", PASSWORD).statusCode())
          .isEqualTo(422);
    }
    assertThat(signIn(guesser, site, "ed@harbour.example", PASSWORD).statusCode()).isEqualTo(429);
    Reader colleague = new Reader(site.url(""), InetAddress.getByName("127.0.0.5"));
    assertThat(signIn(colleague, site, "ed@harbour.example", PASSWORD).statusCode()).isEqualTo(303);
  }
}
