package org.broadsheet.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.broadsheet.storage.ChangeLog;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Transaction;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageRules;

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

  /** Change-log topic of a stored setting; the subject is its key. */
  static final String TOPIC = "setting";

  /** A setting may change what any page shows: its change drops every cached page. */
  public static final PageRules PAGES =
      (topic, subject) -> TOPIC.equals(topic) ? Set.of(PageCache.EVERYTHING) : Set.of();

  /** How a secret value is shown once it is set. */
  public static final String HIDDEN = "••••";

  /** How a secret value is shown while it is empty. */
  public static final String UNSET = "(unset)";

  /**
   * One setting's value as the site uses it. Anything shown to a person or a script goes through
   * {@link #forDisplay()}, which hides secrets.
   */
  public record SettingValue(
      String key,
      String value,
      Source source,
      String defaultValue,
      String description,
      boolean secret) {

    /** This value as it may be shown: a secret's value and default become set or unset. */
    public SettingValue forDisplay() {
      return secret
          ? new SettingValue(key, hide(value), source, hide(defaultValue), description, true)
          : this;
    }

    private static String hide(String value) {
      return value == null || value.isEmpty() ? UNSET : HIDDEN;
    }

    @Override
    public String toString() {
      return "SettingValue[" + key + "=" + forDisplay().value + " from " + source + "]";
    }
  }

  /** The outcome of {@link #set}: the new value, or why it was refused. */
  public sealed interface Change {
    record Saved(SettingValue value) implements Change {}

    record Refused(String reason) implements Change {}
  }

  private final Database database;
  private final SettingsStore store;
  private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
  private final Map<String, String> environment;
  private final AtomicReference<Map<String, SettingValue>> current = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicLong version =
      new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, String> runtimeDefaults = new ConcurrentHashMap<>();

  public SettingsService(
      Database database, List<SettingDefinition> definitions, Map<String, String> environment) {
    this.database = database;
    this.store = new SettingsStore();
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

  /**
   * Replaces a setting's documented default with one known only at run time, such as the address
   * the site is actually served at. The database and the environment still win over it.
   */
  public void useDefault(String key, String value) {
    SettingDefinition definition = definitions.get(key);
    if (definition == null || definition.check().problemWith(value).isPresent()) {
      throw new IllegalArgumentException("Not a default for " + key);
    }
    runtimeDefaults.put(key, value);
    reload();
  }

  /** Reads the settings again when a committed change (here or in another process) touched one. */
  public void follow(List<ChangeLog.Change> changes) {
    if (changes.stream().anyMatch(change -> TOPIC.equals(change.topic()))) {
      reload();
    }
  }

  public void reload() {
    Map<String, String> stored = database.read(store::all);
    Map<String, SettingValue> values = new LinkedHashMap<>();
    for (SettingDefinition definition : definitions.values()) {
      String key = definition.key();
      String fromEnvironment = environment.get(environmentName(key));
      String defaultValue = runtimeDefaults.getOrDefault(key, definition.defaultValue());
      String value = defaultValue;
      Source source = Source.DEFAULT;
      if (stored.containsKey(key) && definition.check().problemWith(stored.get(key)).isEmpty()) {
        value = stored.get(key);
        source = Source.DATABASE;
      }
      if (fromEnvironment != null) {
        Optional<String> problem = definition.check().problemWith(fromEnvironment);
        if (problem.isPresent()) {
          throw new IllegalArgumentException(
              environmentName(key)
                  + " "
                  + problem.get()
                  + (definition.secret() ? "" : " (it is \"" + fromEnvironment + "\")"));
        }
        value = fromEnvironment;
        source = Source.ENVIRONMENT;
      }
      values.put(
          key,
          new SettingValue(
              key, value, source, defaultValue, definition.description(), definition.secret()));
    }
    current.set(values);
    version.incrementAndGet();
  }

  /**
   * Moves each time the settings are read again: what is built from settings (read on every
   * request) is rebuilt only when this changed.
   */
  public long version() {
    return version.get();
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
    return set(key, value, tx -> {});
  }

  /**
   * As {@link #set(String, String)}, doing {@code alongside} (an audit entry) in the same
   * transaction, so the new value and the record of it are stored together or not at all.
   */
  public Change set(String key, String value, Consumer<Transaction> alongside) {
    SettingDefinition definition = definitions.get(key);
    if (definition == null) {
      return new Change.Refused(
          "No setting is named \"" + key + "\"; `broadsheet settings list` shows them all");
    }
    Optional<String> problem = definition.check().problemWith(value);
    if (problem.isPresent()) {
      return new Change.Refused(key + " " + problem.get());
    }
    database.useTransaction(
        tx -> {
          store.put(tx, key, value);
          alongside.accept(tx);
        });
    reload();
    SettingValue saved = current.get().get(key);
    return new Change.Saved(saved);
  }
}
