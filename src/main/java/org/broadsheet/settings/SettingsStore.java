package org.broadsheet.settings;

import java.util.Map;
import java.util.stream.Collectors;
import org.broadsheet.storage.Transaction;

/** All SQL of the settings feature. */
final class SettingsStore {
  Map<String, String> all(Transaction tx) {
    return tx
        .handle()
        .createQuery("SELECT setting_key, setting_value FROM setting")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void put(Transaction tx, String key, String value) {
    var h = tx.handle();
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
    tx.record(SettingsService.TOPIC, key);
  }
}
