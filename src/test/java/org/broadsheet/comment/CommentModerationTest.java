package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;
import static org.broadsheet.comment.CommentTesting.fields;
import static org.broadsheet.comment.CommentTesting.idFromLocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommentModerationTest {
  @ParameterizedTest
  @EnumSource(Engine.class)
  void moderatorsListApproveSpamTrashAndRestoreFromTheCommandLine(Engine engine) throws Exception {
    try (TestSite site = CommentTesting.siteWithArticle(engine)) {
      Reader reader = new Reader(site);
      long first =
          idFromLocation(reader.comment(ARTICLE, fields("Ann", "ann@example.org", "First point.")));
      long second =
          idFromLocation(
              reader.comment(ARTICLE, fields("Bob", "bob@example.org", "Cheap pills here.")));

      Cli.Run held =
          Cli.run(
              site, "comments", "list", "--status", "held", "--article", "harbour-vote", "--json");
      assertThat(held.exitCode()).isZero();
      JsonNode list = new ObjectMapper().readTree(held.out());
      assertThat(list).hasSize(2);
      JsonNode entry = list.get(1);
      assertThat(entry.get("id").asLong()).isEqualTo(first);
      assertThat(entry.get("status").asText()).isEqualTo("held");
      assertThat(entry.get("article").asText()).isEqualTo("harbour-vote");
      assertThat(entry.get("authorName").asText()).isEqualTo("Ann");
      assertThat(entry.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(entry.get("text").asText()).isEqualTo("First point.");
      assertThat(held.out()).doesNotContain("ann@example.org");

      assertThat(Cli.run(site, "comments", "approve", Long.toString(first)).exitCode()).isZero();
      assertThat(Cli.run(site, "comments", "spam", Long.toString(second)).exitCode()).isZero();
      assertThat(new Reader(site).page(ARTICLE).getElementById("comment-" + first)).isNotNull();
      assertThat(site.application().comments().find(second).orElseThrow().status())
          .isEqualTo(CommentStatus.SPAM);

      assertThat(Cli.run(site, "comments", "trash", Long.toString(first)).exitCode()).isZero();
      assertThat(new Reader(site).page(ARTICLE).getElementById("comment-" + first)).isNull();
      Cli.Run restored =
          Cli.run(site, "comments", "restore", Long.toString(first), Long.toString(second));
      assertThat(restored.out()).contains(first + ": trash -> held", second + ": spam -> held");

      Cli.Run missing = Cli.run(site, "comments", "approve", "999999");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("no comment has the id 999999");
      assertThat(Cli.run(site, "comments", "list", "--status", "lost").exitCode()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCommenterCanExportAndEraseTheirData(Engine engine) throws Exception {
    try (TestSite site = CommentTesting.siteWithArticle(engine)) {
      site.application().settings().set("comments.moderation", "none");
      Reader reader = new Reader(site);
      long mine =
          idFromLocation(
              reader.comment(ARTICLE, fields("Ann Example", "ann@example.org", "My own words.")));
      long reply =
          idFromLocation(
              reader.comment(
                  ARTICLE,
                  CommentTesting.with(
                      fields("Bob", "bob@example.org", "A reply."),
                      "replyto",
                      Long.toString(mine))));

      Cli.Run export = Cli.run(site, "comments", "export", "--email", "ann@example.org");
      JsonNode exported = new ObjectMapper().readTree(export.out());
      assertThat(exported).hasSize(1);
      assertThat(exported.get(0).get("email").asText()).isEqualTo("ann@example.org");
      assertThat(exported.get(0).get("text").asText()).isEqualTo("My own words.");

      Cli.Run erase = Cli.run(site, "comments", "erase", "--email", "ann@example.org");
      assertThat(erase.out()).contains("Erased 1 comment");
      String page = new Reader(site).page(ARTICLE).text();
      assertThat(page)
          .doesNotContain("Ann Example", "My own words.")
          .contains("erased at its writer's request");
      assertThat(new Reader(site).page(ARTICLE).getElementById("comment-" + reply)).isNotNull();
      assertThat(
              new ObjectMapper()
                  .readTree(
                      Cli.run(site, "comments", "export", "--email", "ann@example.org").out()))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void commentsShowPrintsACommentWithItsContext(Engine engine) throws Exception {
    try (TestSite site = CommentTesting.siteWithArticle(engine)) {
      site.application().settings().set("comments.moderation", "none");
      Reader reader = new Reader(site);
      long answered =
          idFromLocation(
              reader.comment(ARTICLE, fields("Ann", "ann@example.org", "The quay needs repair.")));
      long earlier =
          idFromLocation(
              reader.comment(ARTICLE, fields("Bob", "bob@example.org", "Agreed, at last.")));
      long shown =
          idFromLocation(
              reader.comment(
                  ARTICLE,
                  CommentTesting.with(
                      CommentTesting.with(
                          fields("Bob", "bob@example.org", "And the slipway too."),
                          "website",
                          "https://bob.example.org"),
                      "replyto",
                      Long.toString(answered))));
      reader.post(
          "/comments/" + shown + "/report",
          java.util.Map.of("reason", "off-topic"),
          java.util.Map.of("Origin", site.url("")));

      Cli.Run text = Cli.run(site, "comments", "show", Long.toString(shown));
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out())
          .contains(
              "Comment " + shown + " (approved)",
              "Harbour Vote Goes to a Second Round (harbour-vote)",
              "Bob <bob@example.org>",
              "https://bob.example.org",
              "In reply to:       " + answered + " by Ann (approved): The quay needs repair.",
              "Approved before:   1 comment from this email",
              "Spam probability:",
              "Open reports:      1 (off-topic)",
              "And the slipway too.");

      Cli.Run json = Cli.run(site, "comments", "show", Long.toString(shown), "--json");
      assertThat(json.exitCode()).isZero();
      JsonNode node = new ObjectMapper().readTree(json.out());
      assertThat(node.get("id").asLong()).isEqualTo(shown);
      assertThat(node.get("article").get("slug").asText()).isEqualTo("harbour-vote");
      assertThat(node.get("inReplyTo").get("id").asLong()).isEqualTo(answered);
      assertThat(node.get("authorWebsite").asText()).isEqualTo("https://bob.example.org");
      assertThat(node.get("approvedBefore").asInt()).isEqualTo(1);
      assertThat(node.get("reports").get("off-topic").asInt()).isEqualTo(1);
      assertThat(node.has("spamProbability")).isTrue();
      assertThat(earlier).isLessThan(shown);

      Cli.Run unknown = Cli.run(site, "comments", "show", "999999");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.out()).isEmpty();
      assertThat(unknown.err().strip()).isEqualTo("broadsheet: no comment has the id 999999");
    }
  }
}
