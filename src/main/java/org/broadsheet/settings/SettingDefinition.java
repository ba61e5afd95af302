package org.broadsheet.settings;

import java.util.Optional;

/**
 * One setting a feature declares: its key, documented default and the rule a value must pass.
 *
 * @param check returns the reason a value is refused, or empty when it is acceptable
 * @param secret whether the value is a secret (a password): shown only as set or unset, and never
 *     written to a log or a message
 */
public record SettingDefinition(
    String key, String defaultValue, String description, SettingCheck check, boolean secret) {

  public SettingDefinition(
      String key, String defaultValue, String description, SettingCheck check) {
    this(key, defaultValue, description, check, false);
  }

  /** The same setting, marked secret. */
  public SettingDefinition asSecret() {
    return new SettingDefinition(key, defaultValue, description, check, true);
  }

  /** Why a value is refused, in words an operator can act on; empty when it is fine. */
  @FunctionalInterface
  public interface SettingCheck {
    Optional<String> problemWith(String value);
  }

  public static SettingDefinition text(
      String key, String defaultValue, int maxLength, String description) {
    return new SettingDefinition(
        key,
        defaultValue,
        description,
        value ->
            value.length() > maxLength
                ? Optional.of("must be at most %,d characters".formatted(maxLength))
                : Optional.empty());
  }

  public static SettingDefinition integer(
      String key, long defaultValue, long min, long max, String description) {
    return new SettingDefinition(
        key,
        Long.toString(defaultValue),
        description,
        value -> {
          try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
              return Optional.of("must be a whole number from %,d to %,d".formatted(min, max));
            }
            return Optional.empty();
          } catch (NumberFormatException e) {
            return Optional.of("must be a whole number from %,d to %,d".formatted(min, max));
          }
        });
  }

  public static SettingDefinition choice(
      String key, String defaultValue, java.util.List<String> choices, String description) {
    return new SettingDefinition(
        key,
        defaultValue,
        description + " One of: " + String.join(", ", choices) + ".",
        value ->
            choices.contains(value)
                ? Optional.empty()
                : Optional.of("must be one of: " + String.join(", ", choices)));
  }

  public static SettingDefinition flag(String key, boolean defaultValue, String description) {
    return choice(
        key, Boolean.toString(defaultValue), java.util.List.of("true", "false"), description);
  }
}
