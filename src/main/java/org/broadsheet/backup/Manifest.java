package org.broadsheet.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The list of a backup's entries with their sizes and SHA-256, stored in the archive as
 * manifest.json and checked entry by entry before anything is restored.
 */
record Manifest(String format, int version, String created, String engine, List<Entry> entries) {
  static final String NAME = "manifest.json";
  static final String FORMAT = "broadsheet-backup";
  static final int VERSION = 1;

  record Entry(String name, long bytes, String sha256) {}

  static Manifest of(String engine, List<Entry> entries) {
    return new Manifest(FORMAT, VERSION, Instant.now().toString(), engine, entries);
  }

  byte[] json() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Manifest parse(byte[] json) throws IOException {
    return new ObjectMapper().readValue(json, Manifest.class);
  }
}
