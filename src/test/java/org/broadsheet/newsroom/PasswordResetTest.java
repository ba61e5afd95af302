package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.PASSWORD;
import static org.broadsheet.newsroom.NewsroomTesting.signIn;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reset links go through a real SMTP server (GreenMail) on a free port. */
class PasswordResetTest {
  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ED = "ed@harbour.example";
  private static final String NEW_PASSWORD = "a brand new passphrase";
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    NewsroomTesting.add(site, ED, "editor");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private void setUpMail() {
    site.application().settings().set("smtp.host", "127.0.0.1");
    site.application().settings().set("smtp.port", Integer.toString(mail.getSmtp().getPort()));
    site.application().settings().set("smtp.from", "Harbour Times <desk@harbour.example>");
    site.application().settings().set("site.base_url", site.url(""));
  }

  private HttpResponse<String> ask(Reader reader, String email) {
    Map<String, String> form = NewsroomTesting.hiddenFields(reader, "/newsroom/forgot-password");
    form.put("email", email);
    return reader.post("/newsroom/forgot-password", form, Map.of("Origin", site.url("")));
  }

  @Test
  void withoutEmailTheSiteSaysToAskAnAdministrator() {
    Reader reader = new Reader(site);
    assertThat(reader.page("/newsroom/sign-in").select("a[href=/newsroom/forgot-password]"))
        .isEmpty();
    assertThat(reader.page("/newsroom/forgot-password").select("main").text())
        .contains("./broadsheet users passwd");
    assertThat(reader.page("/newsroom/forgot-password").select("main form")).isEmpty();
  }

  @Test
  void aSingleUseLinkByEmailSetsANewPasswordAndEndsSessions() throws Exception {
    setUpMail();
    Reader old = NewsroomTesting.signedIn(site, ED);
    Reader reader = new Reader(site);
    assertThat(reader.page("/newsroom/sign-in").select("a[href=/newsroom/forgot-password]"))
        .hasSize(1);

    HttpResponse<String> unknown = ask(reader, "nobody@harbour.example");
    HttpResponse<String> known = ask(reader, ED.toUpperCase(java.util.Locale.ROOT));
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(NewsroomTesting.parse(known).select("main p").first().text())
        .isEqualTo(NewsroomTesting.parse(unknown).select("main p").first().text())
        .isEqualTo(PasswordResets.SENT);

    assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
    Thread.sleep(300);
    MimeMessage[] messages = mail.getReceivedMessages();
    assertThat(messages).hasSize(1);
    assertThat(GreenMailUtil.getAddressList(messages[0].getAllRecipients())).isEqualTo(ED);
    String body = GreenMailUtil.getBody(messages[0]).replace("=\r\n", "").replace("=3D", "=");
    Matcher link =
        Pattern.compile("(http://\\S+/newsroom/reset-password\\?token=[A-Za-z0-9_-]+)")
            .matcher(body);
    assertThat(link.find()).as(body).isTrue();
    URI uri = URI.create(link.group(1));
    String path = uri.getRawPath() + "?" + uri.getRawQuery();
    String token = uri.getRawQuery().substring("token=".length());
    // Stored only as its hash.
    int stored =
        site.application()
            .database()
            .read(
                tx ->
                    tx.handle()
                        .createQuery("SELECT COUNT(*) FROM password_reset WHERE token_hash = :t")
                        .bind("t", token)
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isZero();

    Map<String, String> form = NewsroomTesting.hiddenFields(reader, path);
    assertThat(form).containsEntry("token", token);
    form.put("password", NEW_PASSWORD);
    form.put("repeat", "something else entirely");
    HttpResponse<String> mismatch =
        reader.post("/newsroom/reset-password", form, Map.of("Origin", site.url("")));
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(NewsroomTesting.parse(mismatch).select("[role=alert]").text())
        .contains("not the same");

    form.put("repeat", NEW_PASSWORD);
    HttpResponse<String> done =
        reader.post("/newsroom/reset-password", form, Map.of("Origin", site.url("")));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).hasValue("/newsroom/sign-in?reset");
    assertThat(NewsroomTesting.inside(old)).isFalse();
    assertThat(signIn(new Reader(site), site, ED, PASSWORD).statusCode()).isEqualTo(422);
    assertThat(signIn(new Reader(site), site, ED, NEW_PASSWORD).statusCode()).isEqualTo(303);

    // Single use.
    assertThat(reader.get(path).statusCode()).isEqualTo(404);
    HttpResponse<String> again =
        reader.post("/newsroom/reset-password", form, Map.of("Origin", site.url("")));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(signIn(new Reader(site), site, ED, NEW_PASSWORD).statusCode()).isEqualTo(303);
    assertThat(reader.get("/newsroom/reset-password?token=forged").statusCode()).isEqualTo(404);
  }

  @Test
  void anExpiredLinkSetsNothing() throws Exception {
    setUpMail();
    Reader reader = new Reader(site);
    ask(reader, ED);
    assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
    String body =
        GreenMailUtil.getBody(mail.getReceivedMessages()[0])
            .replace("=\r\n", "")
            .replace("=3D", "=");
    Matcher link =
        Pattern.compile("/newsroom/reset-password\\?token=([A-Za-z0-9_-]+)").matcher(body);
    assertThat(link.find()).isTrue();
    site.application()
        .database()
        .useTransaction(tx -> tx.handle().execute("UPDATE password_reset SET expires_at = 0"));
    assertThat(reader.get(link.group()).statusCode()).isEqualTo(404);
  }
}
