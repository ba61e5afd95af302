package org.broadsheet.comment;

import java.util.List;
import java.util.Optional;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.web.IpRanges;

/** Every limit and policy of the comment section, as site settings under "comments.". */
public record CommentSettings(
    int maxDepth,
    int maxNameChars,
    int maxEmailChars,
    int maxWebsiteChars,
    int maxBodyChars,
    int maxLinks,
    int minFillSeconds,
    int ratePerIpPerHour,
    int ratePerEmailPerHour,
    String moderation,
    int closeAfterDays,
    List<String> blockedWords,
    List<String> blockedEmails,
    List<String> blockedIps,
    boolean notifyAuthors,
    double spamThreshold,
    int perPage,
    boolean newestFirst,
    int reportsPerIpPerHour) {

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.integer(
              "comments.max_depth",
              3,
              1,
              10,
              "How deep replies are nested on the page; deeper replies sit at the last level."),
          SettingDefinition.integer(
              "comments.max_name_chars", 100, 1, 200, "Longest name a commenter may give."),
          SettingDefinition.integer(
              "comments.max_email_chars", 254, 6, 320, "Longest email address accepted."),
          SettingDefinition.integer(
              "comments.max_website_chars", 200, 10, 500, "Longest website address accepted."),
          SettingDefinition.integer(
              "comments.max_body_chars", 5000, 10, 100000, "Longest comment, in characters."),
          SettingDefinition.integer(
              "comments.max_links", 3, 0, 50, "Most links one comment may contain."),
          SettingDefinition.integer(
              "comments.min_fill_seconds",
              3,
              0,
              600,
              "Least time between showing the form and posting it; faster posts are refused as automated."),
          SettingDefinition.integer(
              "comments.rate_per_ip_per_hour",
              20,
              1,
              100000,
              "Most comments one IP address may post in an hour."),
          SettingDefinition.integer(
              "comments.rate_per_email_per_hour",
              10,
              1,
              100000,
              "Most comments one email address may post in an hour."),
          SettingDefinition.choice(
              "comments.moderation",
              "first-timers",
              List.of("all", "first-timers", "none"),
              "Which comments wait for a moderator: all, those from an email with no approved comment yet (first-timers), or none."),
          SettingDefinition.integer(
              "comments.close_after_days",
              0,
              0,
              36500,
              "Close comments on articles older than this many days; 0 never closes them."),
          SettingDefinition.text(
              "comments.blocked_words",
              "",
              10000,
              "Comma-separated words; a comment containing one is held for moderation."),
          SettingDefinition.text(
              "comments.blocked_emails",
              "",
              10000,
              "Comma-separated emails or @domains whose comments go to spam."),
          new SettingDefinition(
              "comments.blocked_ips",
              "",
              "Comma-separated IP addresses or CIDR ranges (203.0.113.0/24) whose comments are refused.",
              value -> IpRanges.problemWith(value)),
          SettingDefinition.flag(
              "comments.notify_authors",
              true,
              "Email an article's authors when a comment on it is published (needs smtp.host)."),
          new SettingDefinition(
              "comments.spam_threshold",
              "0.9",
              "Spam probability from the built-in classifier above which a comment goes to spam; from 0.5 to 1.0.",
              value -> {
                try {
                  double number = Double.parseDouble(value);
                  return number >= 0.5 && number <= 1.0
                      ? Optional.empty()
                      : Optional.of("must be a number from 0.5 to 1.0");
                } catch (NumberFormatException e) {
                  return Optional.of("must be a number from 0.5 to 1.0");
                }
              }),
          SettingDefinition.integer(
              "comments.per_page",
              50,
              1,
              1000,
              "Top-level comments, each with its replies, on one page of an article's comments; later pages are at /articles/SLUG/comments?page=N."),
          SettingDefinition.choice(
              "comments.order",
              "oldest",
              List.of("oldest", "newest"),
              "Order of the top-level comments: oldest or newest first; replies always follow what they answer, oldest first."),
          SettingDefinition.integer(
              "comments.reports_per_ip_per_hour",
              10,
              1,
              10000,
              "Most comments one IP address may report in an hour; more are answered 429."));

  public static CommentSettings from(SettingsService settings) {
    return new CommentSettings(
        settings.getInt("comments.max_depth"),
        settings.getInt("comments.max_name_chars"),
        settings.getInt("comments.max_email_chars"),
        settings.getInt("comments.max_website_chars"),
        settings.getInt("comments.max_body_chars"),
        settings.getInt("comments.max_links"),
        settings.getInt("comments.min_fill_seconds"),
        settings.getInt("comments.rate_per_ip_per_hour"),
        settings.getInt("comments.rate_per_email_per_hour"),
        settings.get("comments.moderation"),
        settings.getInt("comments.close_after_days"),
        list(settings.get("comments.blocked_words")),
        list(settings.get("comments.blocked_emails")),
        list(settings.get("comments.blocked_ips")),
        settings.getFlag("comments.notify_authors"),
        Double.parseDouble(settings.get("comments.spam_threshold")),
        settings.getInt("comments.per_page"),
        settings.get("comments.order").equals("newest"),
        settings.getInt("comments.reports_per_ip_per_hour"));
  }

  private static List<String> list(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(java.util.Locale.ROOT))
        .toList();
  }
}
