package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * One complete index in its own folder under search-index/ ("generation"), open for writing and
 * searching. A new index is always written into a new generation and becomes complete with its
 * first commit, so a half-written one is never opened; the newest complete generation is the one in
 * use.
 */
final class IndexGeneration implements AutoCloseable {
  /** Raised when the fields of {@link ArticleDocument} change: older indexes are rebuilt. */
  static final String SCHEMA = "1";

  private static final String LANGUAGE = "language";
  private static final String SCHEMA_KEY = "schema";
  private static final String POSITION = "changes";
  private static final String AT = "at";

  /**
   * Where an index stands in the change log: every change up to {@code changeId} is in it, and it
   * reflects the edition as it was at {@code atMillis}.
   */
  record Position(long changeId, long atMillis) {}

  private final String name;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final String language;
  private final Analyzer analyzer;
  private final Position opened;

  private IndexGeneration(
      String name, FSDirectory directory, IndexWriter writer, String language, Position opened)
      throws IOException {
    this.name = name;
    this.directory = directory;
    this.writer = writer;
    this.language = language;
    this.analyzer = writer.getAnalyzer();
    this.opened = opened;
    this.searchers = new SearcherManager(writer, null);
  }

  static Analyzer analyzerFor(String language) {
    Analyzer spelling =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = new StandardTokenizer();
            TokenStream lower = new LowerCaseFilter(words);
            return new TokenStreamComponents(words, lower);
          }
        };
    return new PerFieldAnalyzerWrapper(
        SearchLanguage.analyzer(language), Map.of(ArticleDocument.SPELLING, spelling));
  }

  /** A new, empty generation in a folder of its own, named to sort after every existing one. */
  static IndexGeneration create(Path indexFolder, String language) throws IOException {
    Files.createDirectories(indexFolder);
    String name;
    Path folder;
    long stamp = System.currentTimeMillis();
    do {
      name = "g%015d".formatted(stamp++);
      folder = indexFolder.resolve(name);
    } while (Files.exists(folder));
    Files.createDirectories(folder);
    FSDirectory directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(analyzerFor(language));
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    try {
      return new IndexGeneration(
          name, directory, new IndexWriter(directory, config), language, new Position(0, 0));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Opens a complete generation; fails when it is damaged, unfinished or of an older schema (then
   * it must be rebuilt).
   */
  static IndexGeneration open(Path indexFolder, String name) throws IOException {
    Path folder = indexFolder.resolve(name);
    FSDirectory directory = FSDirectory.open(folder);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new IOException("no finished index in " + folder);
      }
      Map<String, String> data;
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        // Opening a reader opens every segment and checks its headers: most damage shows here; the
        // rest shows when a search reads it, and the index is rebuilt then.
        data = reader.getIndexCommit().getUserData();
      }
      if (!SCHEMA.equals(data.get(SCHEMA_KEY)) || data.get(LANGUAGE) == null) {
        throw new IOException("index " + folder + " was written by another version");
      }
      String language = data.get(LANGUAGE);
      IndexWriterConfig config = new IndexWriterConfig(analyzerFor(language));
      config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      Position position =
          new Position(
              Long.parseLong(data.getOrDefault(POSITION, "0")),
              Long.parseLong(data.getOrDefault(AT, "0")));
      return new IndexGeneration(
          name, directory, new IndexWriter(directory, config), language, position);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** The generations in the folder, newest first. */
  static List<String> generations(Path indexFolder) throws IOException {
    if (!Files.isDirectory(indexFolder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(indexFolder)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("g\\d{15}"))
          .sorted(java.util.Comparator.reverseOrder())
          .toList();
    }
  }

  /** Removes the generations older than this one: they are no longer used by anyone. */
  static void deleteOlderThan(Path indexFolder, String name) throws IOException {
    for (String other : generations(indexFolder)) {
      if (other.compareTo(name) < 0) {
        deleteTree(indexFolder.resolve(other));
      }
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  String name() {
    return name;
  }

  String language() {
    return language;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Where the index stood in the change log when it was opened. */
  Position opened() {
    return opened;
  }

  void put(long articleId, Document document) throws IOException {
    writer.updateDocument(ArticleDocument.idTerm(articleId), document);
  }

  void remove(long articleId) throws IOException {
    writer.deleteDocuments(ArticleDocument.idTerm(articleId));
  }

  /** Makes the changes so far visible to the next search. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes the changes so far durable, recording where in the change log they bring the index. */
  void commit(Position position) throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SCHEMA);
    data.put(LANGUAGE, language);
    data.put(POSITION, Long.toString(position.changeId()));
    data.put(AT, Long.toString(position.atMillis()));
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** Runs a search on the latest refreshed state of the index. */
  <T> T withSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  @FunctionalInterface
  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  int documents() {
    return writer.getDocStats().numDocs;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      writer.close();
    } finally {
      directory.close();
    }
  }

  /** Closes without saving anything more: the generation is damaged or being given up. */
  void abandon() {
    try {
      searchers.close();
    } catch (IOException | RuntimeException e) {
      // Being given up.
    }
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      // Being given up.
    }
    try {
      directory.close();
    } catch (IOException e) {
      // Being given up.
    }
  }
}
