package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;
import static org.broadsheet.comment.CommentTesting.with;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Notifications go through a real SMTP server (GreenMail) on a free port. */
@ParameterizedClass
@MethodSource("org.broadsheet.testing.TestSite#engines")
class ReplyNotificationTest {
  @Parameter Engine engine;

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private TestSite site;

  @BeforeEach
  void open() {
    site = CommentTesting.siteWithArticle(engine);
    site.application().settings().set("smtp.host", "127.0.0.1");
    site.application().settings().set("smtp.port", Integer.toString(mail.getSmtp().getPort()));
    site.application().settings().set("smtp.from", "Harbour Times <desk@harbour.example>");
    site.application().settings().set("site.base_url", site.url(""));
    assertThat(
            Cli.run(site, "authors", "email", "ada-quill", "ada.quill@newsroom.example").exitCode())
        .isZero();
  }

  @AfterEach
  void close() {
    site.close();
  }

  private List<MimeMessage> to(String address, int atLeast) {
    mail.waitForIncomingEmail(30_000, atLeast);
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return GreenMailUtil.getAddressList(
          message.getRecipients(jakarta.mail.Message.RecipientType.TO));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage[] messages() {
    return mail.getReceivedMessages();
  }

  @Test
  void authorsHearOfPublishedCommentsAndWritersOfRepliesWithAOneClickUnsubscribe()
      throws Exception {
    Reader reader = new Reader(site);
    // Held: nobody is told until a moderator approves.
    long ann =
        idFromLocation(
            reader.comment(
                ARTICLE,
                with(fields("Ann", "ann@example.org", "Which round is it?"), "notify", "yes")));
    Thread.sleep(300);
    assertThat(messages()).isEmpty();
    Cli.run(site, "comments", "approve", Long.toString(ann));
    List<MimeMessage> toAuthor = to("ada.quill@newsroom.example", 1);
    assertThat(toAuthor).hasSize(1);
    assertThat(toAuthor.getFirst().getSubject())
        .isEqualTo("New comment on \"Harbour Vote Goes to a Second Round\"");
    assertThat(GreenMailUtil.getBody(toAuthor.getFirst())).contains("Which round is it?");

    site.application().settings().set("comments.moderation", "none");
    reader.comment(
        ARTICLE,
        with(fields("Bob", "bob@example.org", "The second one."), "replyto", Long.toString(ann)));
    List<MimeMessage> toAnn = to("ann@example.org", 3);
    assertThat(toAnn).hasSize(1);
    MimeMessage reply = toAnn.getFirst();
    assertThat(reply.getSubject())
        .isEqualTo("Bob replied to your comment on \"Harbour Vote Goes to a Second Round\"");
    String body = GreenMailUtil.getBody(reply).replace("=\r\n", "").replace("=3D", "=");
    assertThat(body).contains("The second one.");
    assertThat(reply.getHeader("List-Unsubscribe")[0]).contains("/comments/unsubscribe?token=");
    for (MimeMessage message : messages()) {
      // The writer's address goes to nobody else, and never in a body.
      assertThat(GreenMailUtil.getBody(message))
          .doesNotContain("ann@example.org", "bob@example.org");
    }

    Matcher link = Pattern.compile("(http://\\S+/comments/unsubscribe\\?token=\\S+)").matcher(body);
    assertThat(link.find()).isTrue();
    URI unsubscribe = URI.create(link.group(1));
    var page = new Reader(site).page(unsubscribe.getRawPath() + "?" + unsubscribe.getRawQuery());
    assertThat(page.selectFirst("h1").text()).isEqualTo("Unsubscribed");

    int before = messages().length;
    reader.comment(
        ARTICLE, with(fields("Cy", "cy@example.org", "Me too."), "replyto", Long.toString(ann)));
    mail.waitForIncomingEmail(2_000, before + 2);
    Thread.sleep(300);
    assertThat(to("ann@example.org", 0)).hasSize(1);
    assertThat(new Reader(site).get("/comments/unsubscribe?token=forged.token").statusCode())
        .isEqualTo(404);
  }

  @Test
  void noEmailLeavesWhenSmtpIsNotConfigured() throws Exception {
    site.application().settings().set("smtp.host", "");
    site.application().settings().set("comments.moderation", "none");
    new Reader(site).comment(ARTICLE, fields("Ann", "ann@example.org", "Quiet."));
    Thread.sleep(500);
    assertThat(messages()).isEmpty();
  }
}
