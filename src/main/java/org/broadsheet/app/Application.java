package org.broadsheet.app;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.about.AboutFeature;
import org.broadsheet.about.AboutSettings;
import org.broadsheet.about.TrustPage;
import org.broadsheet.article.ArticleFeature;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.AuthorService;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.article.CurationService;
import org.broadsheet.article.SectionService;
import org.broadsheet.audit.AuditService;
import org.broadsheet.backup.SiteBackup;
import org.broadsheet.comment.CommentFeature;
import org.broadsheet.comment.CommentModeration;
import org.broadsheet.comment.CommentNotices;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.demo.DemoEdition;
import org.broadsheet.feed.FeedFeature;
import org.broadsheet.feed.FeedSettings;
import org.broadsheet.icon.IconFeature;
import org.broadsheet.importer.MarkdownImporter;
import org.broadsheet.mail.MailSettings;
import org.broadsheet.mail.Mailer;
import org.broadsheet.media.MediaFeature;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.PictureLibraryService;
import org.broadsheet.newsroom.AccountService;
import org.broadsheet.newsroom.NewsroomFeature;
import org.broadsheet.newsroom.NewsroomSettings;
import org.broadsheet.newsroom.PasswordResets;
import org.broadsheet.newsroom.PictureDeskService;
import org.broadsheet.proofread.IgnoredFindings;
import org.broadsheet.proofread.NewsroomDictionary;
import org.broadsheet.proofread.ProofreadSettings;
import org.broadsheet.proofread.Proofreader;
import org.broadsheet.search.SearchFeature;
import org.broadsheet.search.SearchService;
import org.broadsheet.search.SearchSettings;
import org.broadsheet.settings.SettingDefinition;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.sitemap.SitemapFeature;
import org.broadsheet.sitemap.SitemapSettings;
import org.broadsheet.storage.ChangeLog;
import org.broadsheet.storage.ChangeSignal;
import org.broadsheet.storage.Database;
import org.broadsheet.storage.SiteKeys;
import org.broadsheet.storage.SiteLock;
import org.broadsheet.web.Assets;
import org.broadsheet.web.Freshness;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageCache;
import org.broadsheet.web.PageInvalidation;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/** One Broadsheet site: its database and every feature, wired by hand. */
public final class Application implements AutoCloseable {
  private final Location location;
  private final Database database;
  private final ChangeLog changes;
  private final SettingsService settings;
  private final MediaService media;
  private final ArticleService articles;
  private final CorrectionService corrections;
  private final CommentService comments;
  private final CommentModeration moderation;
  private final Mailer mailer;
  private final MarkdownImporter importer;
  private final NewsroomDictionary dictionary;
  private final Proofreader proofreader;
  private final SearchService search;
  private final IgnoredFindings ignoredFindings;
  private final AuditService audit;
  private final AccountService accounts;
  private final PasswordResets resets;
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Application.class);
  private static final Duration CLOCK_WATCH = Duration.ofSeconds(5);

  /** How often scheduled articles are checked for coming due: they are published this late. */
  private static final Duration SCHEDULE_WATCH = Duration.ofSeconds(1);

  private static final String BASE_URL = "site.base_url";
  private WebServer web;
  private PageInvalidation invalidation;
  private ScheduledPublishing scheduled;
  private SiteLock lock;
  private String baseUrlWarning;
  private final Clock clock;

  private Application(Location location, Clock clock) {
    this.location = location;
    this.clock = clock;
    this.database =
        Database.open(
            location.databaseUrl(),
            location.environment().get("BROADSHEET_DATABASE_USER"),
            location.environment().get("BROADSHEET_DATABASE_PASSWORD"),
            ChangeSignal.shared(location.dataFolder().resolve("broadsheet.changes")));
    try {
      this.changes = database.changes();
      this.settings = new SettingsService(database, allSettings(), location.environment());
      // A command run beside a running site uses the address that site is served at.
      SiteLock.servedAddress(location.dataFolder())
          .ifPresent(address -> settings.useDefault(BASE_URL, address));
      this.media = new MediaService(database, location.dataFolder());
      media.moveFolderIntoDatabase();
      media.makeMissingCopies();
      this.articles = new ArticleService(database, clock);
      // Cards whose crop a restored revision, an import or a picture's new rights left unmade.
      for (ArticleService.CardCrop card : articles.cardCropsToMake(null)) {
        media.crop(card.imageId(), card.crop());
      }
      articles.keepSchedules();
      this.corrections = new CorrectionService(database, clock);
      this.mailer = new Mailer(() -> MailSettings.from(settings));
      this.comments =
          new CommentService(
              database,
              articles,
              () -> CommentSettings.from(settings),
              new CommentNotices(
                  mailer,
                  articles,
                  new SiteKeys(database).secret("comments"),
                  () -> settings.get("site.base_url"),
                  () -> CommentSettings.from(settings)));
      this.audit = new AuditService(database);
      this.moderation = new CommentModeration(database, comments, audit);
      this.importer = new MarkdownImporter(database, articles, media, corrections);
      this.dictionary = new NewsroomDictionary(database);
      this.proofreader = Proofreader.forSite(settings, dictionary, articles::any);
      this.ignoredFindings = new IgnoredFindings(database, clock);
      this.search =
          new SearchService(
              database, articles, location.dataFolder(), () -> SearchSettings.from(settings));
      this.accounts =
          new AccountService(
              database,
              audit,
              articles,
              () -> NewsroomSettings.from(settings),
              () -> settings.get("site.name"));
      this.resets =
          new PasswordResets(
              accounts,
              mailer,
              () -> NewsroomSettings.from(settings),
              () -> settings.get(BASE_URL),
              () -> settings.get("site.name"));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Opens the site at this location, creating it (folder, database, schema) when there is none. */
  public static Application open(Location location) {
    return new Application(location, Clock.systemUTC());
  }

  /**
   * Opens the site with a clock of its own: what time readers' pages are shown at (pictures whose
   * rights expire) and what the clock watcher sees; tests move it.
   */
  public static Application open(Location location, Clock clock) {
    return new Application(location, clock);
  }

  /** Whether opening the site created it: there was no site at its location before. */
  public boolean created() {
    return database.created();
  }

  /** Every setting any feature declares, in the order `settings list` shows them. */
  public static List<SettingDefinition> allSettings() {
    List<SettingDefinition> all = new ArrayList<>(SiteSettings.DEFINITIONS);
    all.addAll(CommentSettings.DEFINITIONS);
    all.addAll(MailSettings.DEFINITIONS);
    all.addAll(CacheSettings.DEFINITIONS);
    all.addAll(WebSettings.DEFINITIONS);
    all.addAll(FeedSettings.DEFINITIONS);
    all.addAll(SitemapSettings.DEFINITIONS);
    all.addAll(ProofreadSettings.DEFINITIONS);
    all.addAll(SearchSettings.DEFINITIONS);
    all.addAll(NewsroomSettings.DEFINITIONS);
    all.addAll(AboutSettings.DEFINITIONS);
    return all;
  }

  /**
   * Starts serving. Changes committed by this process, the command line or another node reach the
   * page cache through the change log before the next request is answered.
   */
  public WebServer serve(String host, int port) {
    // Held while serving, so that restore can tell a running site's folder.
    lock = SiteLock.take(location.dataFolder());
    Templates templates = new Templates();
    Assets assets = new Assets("site.css", "share.js");
    PageCache pages =
        new PageCache(
            () -> CacheSettings.policy(settings),
            CommentFeature.PERSONAL.and(SearchFeature.PERSONAL).and(NewsroomFeature.PERSONAL));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    database.bindMetrics(metrics);
    FeedFeature feedFeature =
        new FeedFeature(
            articles,
            corrections,
            media,
            pages,
            () -> SiteSettings.from(settings),
            () -> FeedSettings.from(settings));
    SitemapFeature sitemapFeature =
        new SitemapFeature(
            articles,
            pages,
            () -> SiteSettings.from(settings),
            () -> SitemapSettings.from(settings),
            clock);
    IconFeature iconFeature = new IconFeature(pages, () -> SiteSettings.from(settings));
    Supplier<Layout> layout = () -> layout(assets, feedFeature, iconFeature);
    ArticlePages articlePages =
        new ArticlePages(
            articles,
            templates,
            layout,
            () -> SiteSettings.from(settings),
            assets.url("share.js"),
            search::relatedTo);
    CommentFeature commentFeature =
        new CommentFeature(
            comments,
            moderation,
            articles,
            articlePages,
            templates,
            pages,
            () -> SiteSettings.from(settings),
            layout,
            () -> CommentSettings.from(settings),
            metrics);
    ArticleFeature articleFeature =
        new ArticleFeature(
            articles,
            templates,
            pages,
            layout,
            () -> SiteSettings.from(settings),
            articlePages,
            commentFeature.belowTheArticle(),
            feedFeature.listingFeeds(),
            corrections,
            feedFeature.correctionFeeds());
    MediaFeature mediaFeature = new MediaFeature(media);
    SearchFeature searchFeature =
        new SearchFeature(
            search,
            articles,
            templates,
            layout,
            () -> SiteSettings.from(settings),
            () -> SearchSettings.from(settings));
    NewsroomFeature newsroomFeature =
        new NewsroomFeature(
            accounts,
            resets,
            audit,
            articles,
            corrections,
            articlePages,
            media,
            comments,
            moderation,
            proofreader,
            ignoredFindings,
            dictionary,
            new SiteKeys(database).secret("newsroom-forms"),
            templates,
            layout,
            () -> SiteSettings.from(settings),
            () -> NewsroomSettings.from(settings),
            new PictureDeskService(
                database, new PictureLibraryService(database, media), articles, audit),
            new NewsroomFeature.Desk(
                new CurationService(database, audit, clock),
                new SectionService(database, audit, clock),
                new AuthorService(database, audit, media, clock)),
            settings);
    AboutFeature aboutFeature = new AboutFeature(templates, pages, layout, settings::get);
    invalidation =
        new PageInvalidation(
            pages,
            List.of(
                articleFeature,
                commentFeature,
                sitemapFeature,
                searchFeature,
                mediaFeature,
                SettingsService.PAGES),
            clock);
    changes.addListener(
        batch -> {
          try {
            settings.follow(batch);
          } finally {
            // Pages are dropped even when the settings could not be read; the batch is read again.
            invalidation.changed(
                batch.stream()
                    .map(change -> new PageInvalidation.Changed(change.topic(), change.subject()))
                    .toList());
          }
        });
    // The search index follows the same log on every node.
    changes.addListener(search::follow);
    search.start();
    changes.watch(Duration.ofSeconds(1));
    changes.listenForOtherNodes();
    invalidation.watchTheClock(CLOCK_WATCH);
    // Before the first request: what came due while the site was stopped is published at once.
    scheduled = new ScheduledPublishing(articles, audit);
    scheduled.start(SCHEDULE_WATCH);
    web =
        new WebServer(
            templates,
            assets,
            layout,
            List.of(
                articleFeature::routes,
                mediaFeature::routes,
                commentFeature::routes,
                feedFeature::routes,
                sitemapFeature::routes,
                iconFeature::routes,
                searchFeature::routes,
                newsroomFeature.routes(),
                aboutFeature::routes),
            pages,
            new Freshness() {
              @Override
              public boolean behind() {
                return changes.behind();
              }

              @Override
              public void catchUp() {
                changes.catchUpIfSignalled();
              }
            },
            WebSettings.policy(settings),
            metrics,
            WebSettings.limits(settings));
    web.acceptingUploads(newsroomFeature.uploads());
    web.start(host, port);
    String served = PublicAddress.served(host, web.port());
    settings.useDefault(BASE_URL, served);
    lock.recordAddress(served);
    baseUrlWarning = PublicAddress.warning(host, settings.get(BASE_URL)).orElse(null);
    if (baseUrlWarning != null) {
      log.warn(baseUrlWarning);
    }
    // On a thread of its own, after the site serves: start-up never waits for the model.
    proofreader.preload();
    return web;
  }

  private Layout layout(Assets assets, FeedFeature feeds, IconFeature icons) {
    SiteSettings site = SiteSettings.from(settings);
    return new Layout(
        site.name(),
        site.description(),
        site.language(),
        site.baseUrl(),
        ArticleFeature.navigation(articles),
        assets.url("site.css"),
        feeds.siteFeeds(site.name()),
        icons.icons(),
        TrustPage.publisherPages());
  }

  /**
   * Why the links this site writes lead nowhere for readers elsewhere (base_url names this machine
   * while the site listens beyond it), as warned at start; empty when they are fine.
   */
  public Optional<String> baseUrlWarning() {
    return Optional.ofNullable(baseUrlWarning);
  }

  /** Backups of this site, taken while it serves. */
  public SiteBackup backup() {
    return new SiteBackup(database, location.dataFolder());
  }

  public DemoEdition.Installed installDemo() {
    return new DemoEdition(importer, articles, comments, settings).install();
  }

  public Location location() {
    return location;
  }

  public IgnoredFindings ignoredFindings() {
    return ignoredFindings;
  }

  public Database database() {
    return database;
  }

  public SettingsService settings() {
    return settings;
  }

  /** What the newsroom's dashboard shows of comments: those held and those readers reported. */
  public ArticleService articles() {
    return articles;
  }

  public CorrectionService corrections() {
    return corrections;
  }

  public CommentService comments() {
    return comments;
  }

  public CommentModeration moderation() {
    return moderation;
  }

  /** Search of the published edition; its index is opened when the site serves. */
  public SearchService search() {
    return search;
  }

  public MarkdownImporter importer() {
    return importer;
  }

  public NewsroomDictionary dictionary() {
    return dictionary;
  }

  public Proofreader proofreader() {
    return proofreader;
  }

  /** Who did what: every feature's actions, the command line's included. */
  public AuditService audit() {
    return audit;
  }

  /** The newsroom's people, their roles, passwords and sessions. */
  public AccountService accounts() {
    return accounts;
  }

  @Override
  public void close() {
    if (scheduled != null) {
      scheduled.close();
    }
    if (invalidation != null) {
      invalidation.close();
    }
    if (web != null) {
      web.stop();
    }
    changes.close();
    search.close();
    mailer.close();
    database.close();
    if (lock != null) {
      lock.close();
    }
  }
}
