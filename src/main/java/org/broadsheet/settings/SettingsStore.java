package org.broadsheet.settings;

import java.util.Map;
import java.util.stream.Collectors;
import org.broadsheet.storage.Database;

/** All SQL of the settings feature. */
final class SettingsStore {
  private final Database database;

  SettingsStore(Database database) {
    this.database = database;
  }

  Map<String, String> all() {
    return database.withHandle(
        h ->
            h
                .createQuery("SELECT setting_key, setting_value FROM setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  void put(String key, String value) {
    database.useTransaction(
        h -> {
          int updated =
              h.createUpdate("UPDATE setting SET setting_value = :value WHERE setting_key = :key")
                  .bind("key", key)
                  .bind("value", value)
                  .execute();
          if (updated == 0) {
            h.createUpdate("INSERT INTO setting (setting_key, setting_value) VALUES (:key, :value)")
                .bind("key", key)
                .bind("value", value)
                .execute();
          }
          database.changes().record(h, SettingsService.TOPIC, key);
        });
  }
}
