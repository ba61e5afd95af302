package org.broadsheet.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.store.AlreadyClosedException;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleTimes;
import org.broadsheet.storage.ChangeLog;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.Engine;
import org.broadsheet.storage.SiteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search feature's public face: searches, and an index that follows publishing.
 *
 * <p>The index lives in the data folder under {@code search-index/}, one folder per generation; the
 * newest complete one is used. Every node keeps its own and follows the change log: an article
 * saved, published or unpublished anywhere is read again from the database and put in or taken out
 * before this node's next request is answered. Only published articles whose time has come are ever
 * in it; scheduled ones are added by the clock watcher when they come due.
 *
 * <p>A missing, damaged or outdated index is rebuilt from the database in the background while the
 * site serves; searches meanwhile say the index is being rebuilt. {@link #reindex} writes a fresh
 * generation (the command line) and announces it in the change log: a site running on the same data
 * folder switches to it, other nodes rebuild their own.
 */
public final class SearchService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchService.class);

  /** Change-log topic announcing a new index generation, by its folder name. */
  public static final String TOPIC = "search";

  private static final String ARTICLE_TOPIC = "article";
  private static final String FOLDER = "search-index";
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);

  /**
   * How far back a catch-up rereads on PostgreSQL, whose ids follow insert order, not commit order.
   * SQLite writes one transaction at a time, so its ids are in commit order and none is needed: a
   * margin there made every start within a minute of a change index those articles again.
   */
  private static final long POSTGRESQL_CATCH_UP_MARGIN_MILLIS = 60_000;

  /** An index being built: the articles changed meanwhile, and how far it has got. */
  private static final class Rebuild {
    final Set<Long> pending = ConcurrentHashMap.newKeySet();
    volatile int done;
    volatile int total;
  }

  /** What {@link #reindex} wrote. */
  public record Reindexed(int articles, String generation, Duration took, boolean siteRunning) {}

  private final Database database;
  private final ArticleService articles;
  private final Path dataFolder;
  private final Path folder;
  private final Supplier<SearchSettings> settings;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile IndexGeneration current;
  private volatile Rebuild rebuild;
  private volatile long followed;
  private volatile boolean dirty;
  private volatile boolean closed;
  private volatile Thread supervisor;

  public SearchService(
      Database database,
      ArticleService articles,
      Path dataFolder,
      Supplier<SearchSettings> settings) {
    this.database = database;
    this.articles = articles;
    this.dataFolder = dataFolder;
    this.folder = dataFolder.resolve(FOLDER);
    this.settings = settings;
  }

  /**
   * Opens the newest complete generation at once, so searches work from the first request, and
   * catches it up in the background with what changed while the site was away. When there is none
   * or it cannot be read, a new one is built from the database in the background; changes that
   * arrive meanwhile are kept and applied.
   */
  public void start() {
    IndexGeneration opened = openNewest();
    if (opened != null) {
      current = opened;
      Thread.ofPlatform().daemon().name("search-catch-up").start(() -> catchUp(opened));
    } else {
      Rebuild starting = new Rebuild();
      rebuild = starting;
      Thread.ofPlatform().daemon().name("search-rebuild").start(() -> build(starting));
    }
    supervisor = Thread.ofVirtual().name("search-committer").start(this::superviseAndCommit);
  }

  /** The newest generation, open; null when there is none or it cannot be used. */
  private IndexGeneration openNewest() {
    try {
      for (String name : IndexGeneration.generations(folder)) {
        try {
          return IndexGeneration.open(folder, name);
        } catch (IOException e) {
          log.warn("Search index {} cannot be used ({}); rebuilding it", name, e.getMessage());
          return null;
        }
      }
      log.info("No search index yet; building it from the database");
    } catch (IOException e) {
      log.warn("Cannot read the search index folder ({}); rebuilding it", e.toString());
    }
    return null;
  }

  private void catchUp(IndexGeneration gen) {
    try {
      long latest = database.changes().latestId();
      Set<Long> changed = catchUpIds(gen.opened());
      update(changed);
      followed = Math.max(followed, latest);
      log.info(
          "Search index {} open: {} articles, {} caught up",
          gen.name(),
          gen.documents(),
          changed.size());
      if (!gen.language().equals(settings.get().language())) {
        log.info("search.language changed to {}; rebuilding the index", settings.get().language());
        startRebuild();
      }
    } catch (RuntimeException e) {
      log.error("Could not catch the search index up; rebuilding it", e);
      startRebuild();
    }
  }

  /** Articles changed, published or unpublished since the index's recorded position. */
  private Set<Long> catchUpIds(IndexGeneration.Position position) {
    Set<Long> ids = new LinkedHashSet<>();
    long since =
        position.atMillis()
            - (database.engine() == Engine.POSTGRESQL ? POSTGRESQL_CATCH_UP_MARGIN_MILLIS : 0);
    for (ChangeLog.Change change :
        database.changes().recordedSince(ARTICLE_TOPIC, position.changeId(), since)) {
      ids.add(Long.parseLong(change.subject()));
    }
    ids.addAll(articles.publishedBetween(Instant.ofEpochMilli(since), Instant.now()));
    return ids;
  }

  /**
   * Follows one batch of the change log: articles are read again and put in or taken out; a new
   * generation written by the command line is switched to; a change of search language rebuilds.
   */
  public void follow(List<ChangeLog.Change> batch) {
    Set<Long> ids = new LinkedHashSet<>();
    String announced = null;
    boolean settingsChanged = false;
    long newest = 0;
    for (ChangeLog.Change change : batch) {
      newest = Math.max(newest, change.id());
      switch (change.topic()) {
        case ARTICLE_TOPIC -> ids.add(Long.parseLong(change.subject()));
        case TOPIC -> announced = change.subject();
        case "setting" -> settingsChanged = true;
        default -> {}
      }
    }
    update(ids);
    followed = Math.max(followed, newest);
    if (announced != null) {
      String generation = announced;
      Thread.ofVirtual().name("search-switch").start(() -> switchTo(generation));
    }
    IndexGeneration gen = current;
    if (settingsChanged && gen != null && !gen.language().equals(settings.get().language())) {
      startRebuild();
    }
  }

  private void update(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    lock.lock();
    IndexGeneration gen = current;
    try {
      Rebuild building = rebuild;
      for (long id : ids) {
        Optional<Article> article = published(id);
        if (building != null) {
          building.pending.add(id);
        }
        if (gen != null) {
          if (article.isPresent()) {
            gen.put(id, document(article.get()));
          } else {
            gen.remove(id);
          }
        }
      }
      if (gen != null) {
        gen.refresh();
        dirty = true;
      }
    } catch (IOException | AlreadyClosedException e) {
      damaged(gen, e);
    } finally {
      lock.unlock();
    }
  }

  private Optional<Article> published(long id) {
    return articles.slugOf(id).flatMap(articles::published);
  }

  private org.apache.lucene.document.Document document(Article article) {
    return ArticleDocument.of(article, articles.renderBody(article));
  }

  /** Searches the index; while there is none, says how far its rebuilding has got. */
  public SearchOutcome search(SearchQuery query, int pageSize, ZoneId zone) {
    for (int attempt = 0; attempt < 2; attempt++) {
      IndexGeneration gen = current;
      if (gen == null) {
        break;
      }
      try {
        SearchResults results =
            gen.withSearcher(
                searcher ->
                    IndexSearch.run(
                        searcher,
                        gen.analyzer(),
                        query,
                        pageSize,
                        zone,
                        System.currentTimeMillis()));
        return new SearchOutcome.Found(results);
      } catch (AlreadyClosedException e) {
        // Switched to a newer generation meanwhile: ask that one.
      } catch (IOException e) {
        damaged(gen, e);
      }
    }
    Rebuild building = rebuild;
    return building == null
        ? new SearchOutcome.Rebuilding(0, 0)
        : new SearchOutcome.Rebuilding(building.done, building.total);
  }

  /**
   * The published articles most like this one by their words, best first; none while the index is
   * being built or when it cannot be read, so the article page falls back on shared tags.
   */
  public List<Long> relatedTo(long articleId, int limit) {
    IndexGeneration gen = current;
    if (gen == null) {
      return List.of();
    }
    try {
      return gen.withSearcher(
          searcher -> RelatedArticles.to(searcher, gen.analyzer(), articleId, limit));
    } catch (AlreadyClosedException e) {
      return List.of();
    } catch (IOException e) {
      damaged(gen, e);
      return List.of();
    }
  }

  /** Gives up a generation that failed to read or write, and rebuilds. */
  private void damaged(IndexGeneration gen, Exception e) {
    if (gen == null || closed) {
      return;
    }
    lock.lock();
    try {
      if (current != gen) {
        return;
      }
      log.error("The search index {} failed; rebuilding it: {}", gen.name(), e.toString());
      current = null;
      gen.abandon();
    } finally {
      lock.unlock();
    }
    startRebuild();
  }

  /** Rebuilds in the background unless a rebuild is already under way. */
  public void startRebuild() {
    lock.lock();
    Rebuild building;
    try {
      if (rebuild != null || closed) {
        return;
      }
      building = new Rebuild();
      rebuild = building;
    } finally {
      lock.unlock();
    }
    Thread.ofPlatform().daemon().name("search-rebuild").start(() -> build(building));
  }

  /** Builds a new generation, applies what changed meanwhile and switches to it. */
  private void build(Rebuild building) {
    long started = System.nanoTime();
    try {
      // One thread: the site keeps serving meanwhile.
      IndexGeneration gen = writeFresh(building, 1);
      IndexGeneration old;
      lock.lock();
      try {
        for (long id : building.pending) {
          Optional<Article> article = published(id);
          if (article.isPresent()) {
            gen.put(id, document(article.get()));
          } else {
            gen.remove(id);
          }
        }
        gen.commit(new IndexGeneration.Position(followed, System.currentTimeMillis()));
        gen.refresh();
        old = current;
        current = gen;
        rebuild = null;
      } finally {
        lock.unlock();
      }
      if (old != null) {
        old.close();
      }
      IndexGeneration.deleteOlderThan(folder, gen.name());
      log.info(
          "Search index {} built: {} articles in {} ms",
          gen.name(),
          gen.documents(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      log.error("Could not rebuild the search index; will try again", e);
      rebuild = null;
    }
  }

  /**
   * Writes every published article whose time has come into a new generation and commits it, with
   * its place in the change log taken before the first article was read.
   */
  private IndexGeneration writeFresh(Rebuild progress, int threads) throws IOException {
    long position = database.changes().latestId();
    long at = System.currentTimeMillis();
    followed = Math.max(followed, position);
    IndexGeneration gen = IndexGeneration.create(folder, settings.get().language());
    try {
      List<ArticleTimes> all =
          articles.publishedTimes(Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE));
      progress.total = all.size();
      AtomicInteger next = new AtomicInteger();
      List<Callable<Void>> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        workers.add(
            () -> {
              for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                if (closed) {
                  throw new IOException("the site is closing");
                }
                Optional<Article> article = articles.published(all.get(i).slug());
                if (article.isPresent()) {
                  gen.put(article.get().id(), document(article.get()));
                }
                progress.done = Math.min(next.get(), all.size());
              }
              return null;
            });
      }
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        for (Future<Void> done : pool.invokeAll(workers)) {
          done.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      }
      progress.done = all.size();
      gen.commit(new IndexGeneration.Position(position, at));
      return gen;
    } catch (IOException | RuntimeException e) {
      gen.abandon();
      IndexGeneration.deleteTree(folder.resolve(gen.name()));
      throw e;
    }
  }

  /** Switches to a generation the command line wrote, or rebuilds when it is not on this node. */
  private void switchTo(String name) {
    IndexGeneration gen = current;
    if (gen != null && gen.name().compareTo(name) >= 0) {
      return;
    }
    if (!name.matches("g\\d{15}") || !Files.isDirectory(folder.resolve(name))) {
      log.info("Search index {} was written on another node; rebuilding this node's", name);
      startRebuild();
      return;
    }
    try {
      IndexGeneration fresh = IndexGeneration.open(folder, name);
      long latest = database.changes().latestId();
      IndexGeneration old;
      lock.lock();
      try {
        old = current;
        current = fresh;
      } finally {
        lock.unlock();
      }
      update(catchUpIds(fresh.opened()));
      followed = Math.max(followed, latest);
      if (old != null) {
        old.close();
      }
      IndexGeneration.deleteOlderThan(folder, name);
      log.info("Switched to search index {}: {} articles", name, fresh.documents());
    } catch (IOException | RuntimeException e) {
      log.warn("Could not switch to search index {} ({}); rebuilding", name, e.toString());
      startRebuild();
    }
  }

  /**
   * Writes a fresh index from the database (./broadsheet search reindex) and announces it in the
   * change log. A site serving from this data folder switches to it, catching up with what changed
   * while it was written; other nodes rebuild their own. Without a running site, older generations
   * are removed at once.
   */
  public Reindexed reindex() throws IOException {
    long started = System.nanoTime();
    IndexGeneration gen = writeFresh(new Rebuild(), Runtime.getRuntime().availableProcessors());
    String name = gen.name();
    int count = gen.documents();
    gen.close();
    database.useTransaction(transaction -> transaction.record(TOPIC, name));
    boolean running = SiteLock.isHeld(dataFolder);
    if (!running) {
      IndexGeneration.deleteOlderThan(folder, name);
    }
    return new Reindexed(count, name, Duration.ofNanos(System.nanoTime() - started), running);
  }

  /**
   * Every few seconds: adds the articles that came due (scheduled ones whose time has come; no
   * write records that), makes the index durable, and retries a rebuild that failed.
   */
  private void superviseAndCommit() {
    Instant last = Instant.now();
    while (!closed) {
      try {
        Thread.sleep(COMMIT_EVERY);
        Instant now = Instant.now();
        try {
          update(articles.publishedBetween(last, now));
          last = now;
        } catch (RuntimeException e) {
          log.warn("Could not check for articles coming due; will try again: {}", e.toString());
        }
        if (current == null && rebuild == null) {
          startRebuild();
        }
        commitIfDirty();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Could not save the search index: {}", e.toString());
      }
    }
  }

  private void commitIfDirty() {
    lock.lock();
    IndexGeneration gen = current;
    try {
      if (dirty && gen != null) {
        dirty = false;
        gen.commit(new IndexGeneration.Position(followed, System.currentTimeMillis()));
      }
    } catch (IOException | AlreadyClosedException e) {
      damaged(gen, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread thread = supervisor;
    if (thread != null) {
      thread.interrupt();
    }
    lock.lock();
    try {
      IndexGeneration gen = current;
      current = null;
      if (gen != null) {
        gen.commit(new IndexGeneration.Position(followed, System.currentTimeMillis()));
        gen.close();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not save the search index on closing: {}", e.toString());
    } finally {
      lock.unlock();
    }
  }
}
