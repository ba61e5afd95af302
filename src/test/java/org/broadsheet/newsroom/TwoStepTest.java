package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.NewsroomTesting.PASSWORD;
import static org.broadsheet.newsroom.NewsroomTesting.signIn;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoStepTest {
  private static final String CHIEF = "chief@harbour.example";
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    NewsroomTesting.add(site, CHIEF, "administrator");
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void codesFollowRfc6238() {
    // RFC 6238, appendix B: the SHA-1 key "12345678901234567890" at 59 s gives 94287082.
    byte[] key = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(Totp.code(key, 59 / 30)).isEqualTo("287082");
    assertThat(Totp.code(key, 1111111109L / 30)).isEqualTo("081804");
    assertThat(Totp.unbase32(Totp.base32(key))).isEqualTo(key);
  }

  @Test
  void administratorsMustUseTwoStepSignInWhenTheSettingSaysSo() {
    assertThat(
            Cli.run(site, "settings", "set", "newsroom.require_2fa_for_administrators", "true")
                .exitCode())
        .isZero();
    HttpResponse<String> refused = signIn(new Reader(site), site, CHIEF, PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(NewsroomTesting.parse(refused).select("[role=alert]").text())
        .contains("./broadsheet users totp " + CHIEF);
    // Other roles are not asked.
    NewsroomTesting.add(site, "ed@harbour.example", "editor");
    assertThat(signIn(new Reader(site), site, "ed@harbour.example", PASSWORD).statusCode())
        .isEqualTo(303);

    Cli.Run totp = Cli.run(site, "users", "totp", CHIEF);
    assertThat(totp.exitCode()).isZero();
    Matcher secret =
        Pattern.compile("Secret \\(shown this once\\): ([A-Z2-7]+)").matcher(totp.out());
    assertThat(secret.find()).isTrue();
    assertThat(totp.out())
        .contains("otpauth://totp/Broadsheet:chief%40harbour.example?secret=" + secret.group(1))
        .contains("&issuer=Broadsheet&algorithm=SHA1&digits=6&period=30");
    assertThat(Cli.run(site, "users", "list").out())
        .contains("two-step")
        .doesNotContain(secret.group(1));

    HttpResponse<String> noCode = signIn(new Reader(site), site, CHIEF, PASSWORD);
    assertThat(noCode.statusCode()).isEqualTo(422);
    assertThat(NewsroomTesting.parse(noCode).select("[role=alert]").text())
        .contains("six-digit code");
    String code = Totp.code(Totp.unbase32(secret.group(1)), Instant.now().getEpochSecond() / 30);
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertThat(signIn(new Reader(site), site, CHIEF, PASSWORD, wrong).statusCode()).isEqualTo(422);
    assertThat(signIn(new Reader(site), site, CHIEF, "wrong password!!", code).statusCode())
        .isEqualTo(422);
    Reader chief = new Reader(site);
    assertThat(signIn(chief, site, CHIEF, PASSWORD, code).statusCode()).isEqualTo(303);
    assertThat(NewsroomTesting.inside(chief)).isTrue();
    // A code is good once: seen over a shoulder, it signs nobody else in.
    assertThat(signIn(new Reader(site), site, CHIEF, PASSWORD, code).statusCode()).isEqualTo(422);
  }
}
