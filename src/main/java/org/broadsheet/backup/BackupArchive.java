package org.broadsheet.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip archive of the database copy (pictures included), any picture files an
 * earlier version left under media/, and manifest.json, which lists every other entry with its size
 * and SHA-256.
 */
final class BackupArchive {
  static final String SQLITE_ENTRY = "broadsheet.db";
  static final String POSTGRESQL_ENTRY = "broadsheet.pgdump";
  static final String MEDIA = "media";
  private static final long MAX_MANIFEST_BYTES = 64L * 1024 * 1024;

  /** Why an archive cannot be restored, as the end of a sentence that starts with its name. */
  static final class Damaged extends Exception {
    Damaged(String message) {
      super(message);
    }
  }

  private BackupArchive() {}

  /**
   * Writes the archive to a new file and forces it to disk.
   *
   * @return how many pictures it holds
   */
  static int write(Path file, String engine, Path databaseCopy, String databaseEntry, Path media)
      throws IOException {
    List<Manifest.Entry> entries = new ArrayList<>();
    int pictures = 0;
    try (ZipOutputStream zip =
        new ZipOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16))) {
      entries.add(add(zip, databaseEntry, databaseCopy));
      for (Path picture : pictures(media)) {
        String name = MEDIA + "/" + media.relativize(picture).toString().replace('\\', '/');
        entries.add(add(zip, name, picture));
        pictures++;
      }
      zip.putNextEntry(new ZipEntry(Manifest.NAME));
      zip.write(Manifest.of(engine, entries).json());
      zip.closeEntry();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    return pictures;
  }

  /** Every stored picture; files being written (*.part) and hidden files are not pictures yet. */
  private static List<Path> pictures(Path media) throws IOException {
    if (!Files.isDirectory(media)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(media)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> safeName(MEDIA + "/" + media.relativize(f).toString().replace('\\', '/')))
          .filter(f -> !f.getFileName().toString().endsWith(".part"))
          .sorted()
          .toList();
    }
  }

  private static Manifest.Entry add(ZipOutputStream zip, String name, Path file)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    MessageDigest sha256 = sha256();
    long bytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        zip.write(buffer, 0, n);
        bytes += n;
      }
    }
    zip.closeEntry();
    return new Manifest.Entry(name, bytes, HexFormat.of().formatHex(sha256.digest()));
  }

  /** Reads the whole archive and checks every entry against the manifest; writes nothing. */
  static Manifest verify(Path file) throws Damaged {
    return read(file, null);
  }

  /** Writes every entry under the folder, checking each against the manifest as it goes. */
  static Manifest extract(Path file, Path folder) throws Damaged {
    return read(file, folder);
  }

  private static Manifest read(Path file, Path into) throws Damaged {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Manifest manifest = manifest(zip);
      for (Manifest.Entry entry : manifest.entries()) {
        ZipEntry zipEntry = zip.getEntry(entry.name());
        if (zipEntry == null) {
          throw new Damaged("lacks " + entry.name() + ", which its manifest lists");
        }
        OutputStream out = OutputStream.nullOutputStream();
        Path target = null;
        if (into != null) {
          target = into.resolve(entry.name());
          Files.createDirectories(target.getParent());
          out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
        }
        MessageDigest sha256 = sha256();
        long bytes = 0;
        try (InputStream in = zip.getInputStream(zipEntry);
            OutputStream written = out) {
          byte[] buffer = new byte[1 << 16];
          for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
            written.write(buffer, 0, n);
            bytes += n;
            if (bytes > entry.bytes()) {
              break;
            }
          }
        }
        if (bytes != entry.bytes()
            || !HexFormat.of().formatHex(sha256.digest()).equals(entry.sha256())) {
          throw new Damaged(
              "is damaged: " + entry.name() + " does not match the checksum in its manifest");
        }
        if (target != null && entry.name().equals(SQLITE_ENTRY)) {
          try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
        }
      }
      return manifest;
    } catch (ZipException | java.io.EOFException e) {
      throw new Damaged("is damaged or incomplete, or not a zip archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new Damaged("cannot be read: " + e.getMessage());
    }
  }

  private static Manifest manifest(ZipFile zip) throws Damaged, IOException {
    ZipEntry entry = zip.getEntry(Manifest.NAME);
    if (entry == null) {
      throw new Damaged("is not a Broadsheet backup: it has no " + Manifest.NAME);
    }
    if (entry.getSize() > MAX_MANIFEST_BYTES) {
      throw new Damaged("is not a Broadsheet backup: its " + Manifest.NAME + " is too large");
    }
    Manifest manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = Manifest.parse(in.readNBytes((int) MAX_MANIFEST_BYTES));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new Damaged("is damaged: its " + Manifest.NAME + " cannot be read");
    }
    if (!Manifest.FORMAT.equals(manifest.format()) || manifest.entries() == null) {
      throw new Damaged("is not a Broadsheet backup");
    }
    if (manifest.version() != Manifest.VERSION) {
      throw new Damaged(
          "is a backup of format version "
              + manifest.version()
              + ", which this Broadsheet cannot read (it reads version "
              + Manifest.VERSION
              + ")");
    }
    Set<String> names = new HashSet<>();
    int databases = 0;
    for (Manifest.Entry listed : manifest.entries()) {
      if (listed.name() == null || !safeName(listed.name()) || !names.add(listed.name())) {
        throw new Damaged(
            "is not a Broadsheet backup: it lists the entry \"" + listed.name() + "\"");
      }
      if (listed.name().equals(SQLITE_ENTRY) || listed.name().equals(POSTGRESQL_ENTRY)) {
        databases++;
      }
    }
    if (databases != 1) {
      throw new Damaged("is not a Broadsheet backup: it holds no database");
    }
    if (zip.size() != names.size() + 1) {
      throw new Damaged("is damaged: it holds entries its manifest does not list");
    }
    return manifest;
  }

  /**
   * Entry names that can only land inside the data folder: media/ and then path segments that start
   * with no dot (so no "..", and hidden files stay out), no backslash, no control character.
   */
  static boolean safeName(String name) {
    if (name.equals(SQLITE_ENTRY) || name.equals(POSTGRESQL_ENTRY)) {
      return true;
    }
    return name.matches(MEDIA + "(/[^/\\\\.\\p{Cntrl}][^/\\\\\\p{Cntrl}]*)+");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
