package org.broadsheet.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.broadsheet.storage.Database;

/**
 * The site's settings, composed from documented defaults, the database and the environment, in that
 * order of precedence. Values are held in memory and re-read when the change log says a setting
 * changed, so `broadsheet settings set` reaches a running site.
 */
public final class SettingsService {
  /** Where a value came from, so an operator can see why a change does not take. */
  public enum Source {
    DEFAULT,
    DATABASE,
    ENVIRONMENT
  }

  public record SettingValue(
      String key, String value, Source source, String defaultValue, String description) {}

  /** The outcome of {@link #set}: the new value, or why it was refused. */
  public sealed interface Change {
    record Saved(SettingValue value) implements Change {}

    record Refused(String reason) implements Change {}
  }

  private final SettingsStore store;
  private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, String> environment;
  private final AtomicReference<Map<String, SettingValue>> current = new AtomicReference<>();

  public SettingsService(
      Database database, List<SettingDefinition> definitions, Map<String, String> environment) {
    this.store = new SettingsStore(database);
    for (SettingDefinition definition : definitions) {
      this.definitions.put(definition.key(), definition);
    }
    this.environment = environment;
    reload();
  }

  /** The environment variable that overrides a setting: site.name is BROADSHEET_SITE_NAME. */
  public static String environmentName(String key) {
    return "BROADSHEET_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  public void reload() {
    Map<String, String> stored = store.all();
    Map<String, SettingValue> values = new LinkedHashMap<>();
    for (SettingDefinition definition : definitions.values()) {
      String key = definition.key();
      String fromEnvironment = environment.get(environmentName(key));
      String value = definition.defaultValue();
      Source source = Source.DEFAULT;
      if (stored.containsKey(key) && definition.check().problemWith(stored.get(key)).isEmpty()) {
        value = stored.get(key);
        source = Source.DATABASE;
      }
      if (fromEnvironment != null) {
        Optional<String> problem = definition.check().problemWith(fromEnvironment);
        if (problem.isPresent()) {
          throw new IllegalArgumentException(
              environmentName(key) + " " + problem.get() + " (it is \"" + fromEnvironment + "\")");
        }
        value = fromEnvironment;
        source = Source.ENVIRONMENT;
      }
      values.put(
          key,
          new SettingValue(
              key, value, source, definition.defaultValue(), definition.description()));
    }
    current.set(values);
  }

  public List<SettingValue> list() {
    return new ArrayList<>(current.get().values());
  }

  public Optional<SettingValue> find(String key) {
    return Optional.ofNullable(current.get().get(key));
  }

  public String get(String key) {
    SettingValue value = current.get().get(key);
    if (value == null) {
      throw new IllegalArgumentException("No setting is named " + key);
    }
    return value.value();
  }

  public int getInt(String key) {
    return Integer.parseInt(get(key).strip());
  }

  public boolean getFlag(String key) {
    return Boolean.parseBoolean(get(key));
  }

  public Change set(String key, String value) {
    SettingDefinition definition = definitions.get(key);
    if (definition == null) {
      return new Change.Refused(
          "No setting is named \"" + key + "\"; `broadsheet settings list` shows them all");
    }
    Optional<String> problem = definition.check().problemWith(value);
    if (problem.isPresent()) {
      return new Change.Refused(key + " " + problem.get());
    }
    store.put(key, value);
    reload();
    SettingValue saved = current.get().get(key);
    return new Change.Saved(saved);
  }
}
