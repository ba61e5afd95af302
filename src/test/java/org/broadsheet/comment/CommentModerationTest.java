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
}
