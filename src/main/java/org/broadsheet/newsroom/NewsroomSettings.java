package org.broadsheet.newsroom;

import java.time.Duration;
import java.util.List;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;

/** Sessions, sign-in throttling and two-step sign-in, as site settings under "newsroom.". */
public record NewsroomSettings(
    Duration sessionIdle,
    Duration sessionLifetime,
    int failuresPerAccount,
    int failuresPerAddress,
    Duration failureWindow,
    boolean requireTwoStepForAdministrators,
    Duration resetLinkLifetime) {

  public static final List<SettingDefinition> DEFINITIONS =
      List.of(
          SettingDefinition.integer(
              "newsroom.session_idle_minutes",
              60,
              5,
              10080,
              "Minutes without a request after which a newsroom session ends."),
          SettingDefinition.integer(
              "newsroom.session_max_hours",
              12,
              1,
              720,
              "Hours after signing in at which a newsroom session ends, however busy."),
          SettingDefinition.integer(
              "newsroom.sign_in_failures_per_account",
              5,
              1,
              1000,
              "Failed sign-ins to one account, within the window, after which it cannot sign in until the window passes."),
          SettingDefinition.integer(
              "newsroom.sign_in_failures_per_address",
              20,
              1,
              100000,
              "Failed sign-ins from one client address, within the window, after which it cannot sign in until the window passes."),
          SettingDefinition.integer(
              "newsroom.sign_in_window_minutes",
              15,
              1,
              1440,
              "The window, in minutes, in which failed sign-ins are counted."),
          SettingDefinition.flag(
              "newsroom.require_2fa_for_administrators",
              false,
              "Administrators must sign in with a code from an authenticator app (set up with broadsheet users totp)."),
          SettingDefinition.integer(
              "newsroom.reset_link_minutes",
              60,
              5,
              1440,
              "Minutes a password reset link sent by email stays valid."));

  public static NewsroomSettings from(SettingsService settings) {
    return new NewsroomSettings(
        Duration.ofMinutes(settings.getInt("newsroom.session_idle_minutes")),
        Duration.ofHours(settings.getInt("newsroom.session_max_hours")),
        settings.getInt("newsroom.sign_in_failures_per_account"),
        settings.getInt("newsroom.sign_in_failures_per_address"),
        Duration.ofMinutes(settings.getInt("newsroom.sign_in_window_minutes")),
        settings.getFlag("newsroom.require_2fa_for_administrators"),
        Duration.ofMinutes(settings.getInt("newsroom.reset_link_minutes")));
  }
}
