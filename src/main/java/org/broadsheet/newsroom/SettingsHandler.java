package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.about.TrustPage;
import org.broadsheet.audit.AuditService;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.settings.SettingsService.SettingValue;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * The site's settings and its trust pages, for administrators: every setting with where its value
 * comes from, and a form to change it through the same checks and audit entry as `settings set`.
 */
final class SettingsHandler {
  static final String PATH = "/newsroom/settings";
  static final String TRUST = "/newsroom/trust";
  static final String AUDIT_ACTION = "setting.set";
  private static final String TRUST_PREFIX = "about";

  /** Headings of the groups whose prefix alone would not say enough. */
  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("site", "Site"),
          Map.entry("typography", "House style"),
          Map.entry("comments", "Comments"),
          Map.entry("smtp", "Email (SMTP)"),
          Map.entry("cache", "Page cache"),
          Map.entry("web", "Web server"),
          Map.entry("metrics", "Metrics"),
          Map.entry("feeds", "Feeds"),
          Map.entry("proofread", "Proofreading"),
          Map.entry("search", "Search"),
          Map.entry("newsroom", "Newsroom sign-in and sessions"),
          Map.entry(TRUST_PREFIX, "Trust pages"));

  private final SettingsService settings;
  private final AuditService audit;
  private final NewsroomAccess access;

  SettingsHandler(SettingsService settings, AuditService audit, NewsroomAccess access) {
    this.settings = settings;
    this.audit = audit;
    this.access = access;
  }

  void page(Context ctx) {
    access
        .allowed(ctx, Permission.CHANGE_SETTINGS)
        .ifPresent(session -> showSettings(ctx, session, notice(ctx), null, null));
  }

  void trustPage(Context ctx) {
    access
        .allowed(ctx, Permission.CHANGE_SETTINGS)
        .ifPresent(session -> showTrust(ctx, session, notice(ctx), null, null));
  }

  /** One setting's form: {@code key} and {@code value} ({@code clear} empties a secret). */
  void change(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.CHANGE_SETTINGS);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    String key = field(ctx, "key");
    String typed = field(ctx, "value");
    Optional<SettingValue> current = settings.find(key);
    if (current.isEmpty()) {
      refuse(ctx, session.get(), null, "No setting is named \"" + key + "\".");
      return;
    }
    SettingValue setting = current.get();
    if (setting.source() == SettingsService.Source.ENVIRONMENT) {
      refuse(
          ctx,
          session.get(),
          new Refusal(key, typed, "is set by the environment variable " + envName(key) + ".")
              .keptFor(setting),
          null);
      return;
    }
    if (setting.secret() && typed.isEmpty() && ctx.formParam("clear") == null) {
      ctx.redirect(back(key) + "?kept=" + encode(key) + "#" + id(key), HttpStatus.SEE_OTHER);
      return;
    }
    // Browsers send a text area's line breaks as CRLF; the Markdown is kept with plain ones.
    String value = typed.replace("\r\n", "\n");
    String detail = setting.secret() ? "(secret)" : value;
    var actor = DeskForms.actor(ctx, session.get());
    switch (settings.set(key, value, tx -> audit.record(tx, actor, AUDIT_ACTION, key, detail))) {
      case SettingsService.Change.Saved saved ->
          ctx.redirect(back(key) + "?saved=" + encode(key) + "#" + id(key), HttpStatus.SEE_OTHER);
      case SettingsService.Change.Refused refused -> {
        String reason = refused.reason();
        // The service names the key first, as the command line wants; beside the field it is said.
        String beside = reason.startsWith(key + " ") ? reason.substring(key.length() + 1) : reason;
        refuse(ctx, session.get(), new Refusal(key, typed, beside).keptFor(setting), null);
      }
    }
  }

  /** A value refused, with what was typed (never a secret's). */
  private record Refusal(String key, String typed, String reason) {
    Refusal keptFor(SettingValue setting) {
      return setting.secret() ? new Refusal(key, "", reason) : this;
    }
  }

  private void refuse(Context ctx, Session session, Refusal refusal, String general) {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    String summary =
        refusal == null
            ? general
            : "Nothing was changed: " + refusal.key() + " " + refusal.reason();
    if (refusal != null && refusal.key().startsWith(TRUST_PREFIX + ".")) {
      showTrust(ctx, session, null, refusal, summary);
    } else {
      showSettings(ctx, session, null, refusal, summary);
    }
  }

  private void showSettings(
      Context ctx, Session session, String notice, Refusal refusal, String problem) {
    Map<String, List<SettingsPages.Setting>> byPrefix = new LinkedHashMap<>();
    for (SettingValue value : settings.list()) {
      byPrefix
          .computeIfAbsent(prefix(value.key()), p -> new ArrayList<>())
          .add(shown(value, refusal));
    }
    List<SettingsPages.Group> groups =
        byPrefix.entrySet().stream()
            .map(e -> new SettingsPages.Group(e.getKey(), title(e.getKey()), e.getValue()))
            .toList();
    WebServer.keepOwnPage(ctx);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/settings.jte",
                new SettingsPages.Settings(
                    access.layout(),
                    new PageMeta("Settings", "The site's settings.", PATH),
                    access.formToken(session),
                    groups,
                    TRUST,
                    notice,
                    problem)));
  }

  private void showTrust(
      Context ctx, Session session, String notice, Refusal refusal, String problem) {
    List<SettingsPages.Trust> pages =
        Arrays.stream(TrustPage.values())
            .map(
                page ->
                    new SettingsPages.Trust(
                        page, shown(settings.find(page.settingKey()).orElseThrow(), refusal)))
            .toList();
    WebServer.keepOwnPage(ctx);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/trust.jte",
                new SettingsPages.TrustPages(
                    access.layout(),
                    new PageMeta("Trust pages", "The newsroom's trust pages.", TRUST),
                    access.formToken(session),
                    pages,
                    notice,
                    problem)));
  }

  private static SettingsPages.Setting shown(SettingValue stored, Refusal refusal) {
    SettingValue value = stored.forDisplay();
    boolean refused = refusal != null && refusal.key().equals(value.key());
    String field = refused ? refusal.typed() : value.secret() ? "" : value.value();
    return new SettingsPages.Setting(
        value.key(),
        value.value(),
        value.defaultValue(),
        value.description(),
        value.source(),
        envName(value.key()),
        value.secret(),
        prefix(value.key()).equals(TRUST_PREFIX)
            || value.value().contains("\n")
            || value.defaultValue().contains("\n"),
        field,
        refused ? refusal.reason() : "");
  }

  /** The notice of the change the address names; only a setting's own key makes one. */
  private String notice(Context ctx) {
    String saved = ctx.queryParam("saved");
    if (saved != null && settings.find(saved).isPresent()) {
      return saved + " is saved." + publicPage(saved);
    }
    String kept = ctx.queryParam("kept");
    if (kept != null && settings.find(kept).isPresent()) {
      return kept + " is left as it was: the field was empty.";
    }
    return null;
  }

  private static String publicPage(String key) {
    return Arrays.stream(TrustPage.values())
        .filter(page -> page.settingKey().equals(key))
        .map(page -> " It shows at " + page.path() + ".")
        .findFirst()
        .orElse("");
  }

  /** A form field as sent, less NUL characters, which no setting holds. */
  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.replace("\u0000", "");
  }

  private static String back(String key) {
    return prefix(key).equals(TRUST_PREFIX) ? TRUST : PATH;
  }

  private static String prefix(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  private static String title(String prefix) {
    return TITLES.getOrDefault(
        prefix, prefix.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + prefix.substring(1));
  }

  private static String id(String key) {
    return "setting-" + key.replace('.', '-');
  }

  private static String envName(String key) {
    return SettingsService.environmentName(key);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
