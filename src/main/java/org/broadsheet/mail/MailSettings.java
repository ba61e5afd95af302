package org.broadsheet.mail;

import java.util.List;
import java.util.Optional;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/** How to reach the SMTP server; email is off while smtp.host is empty. */
public record MailSettings(
    String host, int port, String username, String password, String from, boolean startTls) {

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.text(
              "smtp.host",
              "",
              255,
              "SMTP server that sends the site's email; empty turns email off."),
          SettingDefinition.integer("smtp.port", 25, 1, 65535, "SMTP server port."),
          SettingDefinition.text(
              "smtp.username", "", 255, "SMTP user name, if the server wants one."),
          SettingDefinition.text(
                  "smtp.password", "", 255, "SMTP password, if the server wants one.")
              .asSecret(),
          new SettingDefinition(
              "smtp.from",
              "Broadsheet <noreply@localhost>",
              "Sender of the site's email, as Name <address>.",
              value ->
                  value.matches(".*@.*")
                      ? Optional.empty()
                      : Optional.of("must be an email address, optionally as Name <address>")),
          SettingDefinition.flag(
              "smtp.starttls", false, "Require STARTTLS when talking to the SMTP server."));

  public static MailSettings from(SettingsService settings) {
    return new MailSettings(
        settings.get("smtp.host"),
        settings.getInt("smtp.port"),
        settings.get("smtp.username"),
        settings.get("smtp.password"),
        settings.get("smtp.from"),
        settings.getFlag("smtp.starttls"));
  }

  /** Without the password, which must never reach a log line or a message. */
  @Override
  public String toString() {
    return "MailSettings[host=%s, port=%d, username=%s, password=%s, from=%s, startTls=%s]"
        .formatted(
            host,
            port,
            username,
            password.isEmpty() ? SettingsService.UNSET : SettingsService.HIDDEN,
            from,
            startTls);
  }

  public boolean enabled() {
    return !host.isBlank();
  }
}
