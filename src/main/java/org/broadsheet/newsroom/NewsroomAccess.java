package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.broadsheet.settings.SiteSettings;
import org.broadsheet.web.ErrorPage;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.ReaderCookie;
import org.broadsheet.web.Templates;
import org.broadsheet.web.WebServer;

/**
 * The door of every newsroom page: who is signed in (the session cookie), sending the others to
 * sign in, the checks every form passes, and the headers that keep every newsroom answer out of
 * shared caches and search engines.
 */
final class NewsroomAccess {
  static final String SESSION_COOKIE = "bs_session";
  static final String HOME = "/newsroom";
  static final String SIGN_IN = "/newsroom/sign-in";
  private static final String SESSION = "broadsheet.newsroom.session";

  /** Prefix of the sign-in form's fields that carry a form whose session ended. */
  static final String KEPT = "kept:";

  private final AccountService accounts;
  private final FormGuard guard;
  private final Templates templates;
  private final Supplier<Layout> layout;
  private final Supplier<SiteSettings> site;
  private final Supplier<NewsroomSettings> settings;
  private final BooleanSupplier resetsOffered;

  NewsroomAccess(
      AccountService accounts,
      FormGuard guard,
      Templates templates,
      Supplier<Layout> layout,
      Supplier<SiteSettings> site,
      Supplier<NewsroomSettings> settings,
      BooleanSupplier resetsOffered) {
    this.resetsOffered = resetsOffered;
    this.accounts = accounts;
    this.guard = guard;
    this.templates = templates;
    this.layout = layout;
    this.site = site;
    this.settings = settings;
  }

  /** Before every newsroom request: nothing here is for a shared cache, a frame or an index. */
  static void privateAnswer(Context ctx) {
    ctx.header("Cache-Control", "private, no-store");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    ctx.header("X-Frame-Options", "DENY");
    // Not "no-referrer": browsers then send "Origin: null" with a form, failing the CSRF check.
    // A reset link's token in the address still never reaches another site.
    ctx.header("Referrer-Policy", "same-origin");
  }

  Layout layout() {
    return layout.get();
  }

  Templates templates() {
    return templates;
  }

  /** The site's time zone, in which the newsroom reads and writes times. */
  java.time.ZoneId zone() {
    return site.get().timeZone();
  }

  String baseUrl() {
    return site.get().baseUrl();
  }

  /** The session of this request's cookie, if it is still good. */
  Optional<Session> session(Context ctx) {
    if (ctx.attribute(SESSION) instanceof Session known) {
      return Optional.of(known);
    }
    Optional<Session> session = accounts.session(ctx.cookie(SESSION_COOKIE), Instant.now());
    session.ifPresent(s -> ctx.attribute(SESSION, s));
    return session;
  }

  /**
   * The signed-in session, or empty after sending the browser to sign in (303), coming back here
   * afterwards when this was a page (GET).
   */
  Optional<Session> signedIn(Context ctx) {
    Optional<Session> session = session(ctx);
    if (session.isEmpty()) {
      if (ctx.cookie(SESSION_COOKIE) != null) {
        endCookie(ctx);
      }
      String here =
          ctx.method().name().equals("GET")
              ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
              : HOME;
      ctx.redirect(
          SIGN_IN + "?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
    }
    return session;
  }

  /** The session, when its person may do this; otherwise a 403 page (or sign-in) and empty. */
  Optional<Session> allowed(Context ctx, Permission permission) {
    Optional<Session> session = signedIn(ctx);
    if (session.isPresent() && !session.get().may(permission)) {
      refuse(
          ctx,
          HttpStatus.FORBIDDEN,
          "Not allowed",
          "Your role in the newsroom does not allow this. An administrator can change your role.");
      return Optional.empty();
    }
    return session;
  }

  /**
   * The sign-in form.
   *
   * @param kept the fields of a form whose session ended, sent on with the sign-in
   */
  void showSignIn(
      Context ctx,
      String email,
      String returnTo,
      String message,
      boolean problem,
      Map<String, String> kept) {
    html(
        ctx,
        templates.render(
            "newsroom/sign-in.jte",
            new NewsroomPages.SignIn(
                layout.get(),
                new PageMeta("Sign in", "Sign in to the newsroom.", SIGN_IN),
                email,
                returnTo,
                browserFormToken(ctx),
                message,
                problem,
                resetsOffered.getAsBoolean(),
                kept.entrySet().stream()
                    .map(e -> Map.entry(KEPT + e.getKey(), e.getValue()))
                    .toList())));
  }

  void startSession(Context ctx, String token) {
    new ReaderCookie(SESSION_COOKIE, token, (int) settings.get().sessionLifetime().toSeconds())
        .setOn(ctx);
  }

  void endCookie(Context ctx) {
    new ReaderCookie(SESSION_COOKIE, "", 0).setOn(ctx);
  }

  /** The token for the forms of this session. */
  String formToken(Session session) {
    return guard.token(session.id());
  }

  /**
   * The token for a form shown before signing in, bound to a random cookie of this browser's (made
   * now if it has none).
   */
  String browserFormToken(Context ctx) {
    String binding = ctx.cookie(FormGuard.BROWSER_COOKIE);
    if (binding == null || !Tokens.wellFormed(binding)) {
      binding = Tokens.newToken();
      // A cookie for this browser's session of the browser only (no Max-Age).
      new ReaderCookie(FormGuard.BROWSER_COOKIE, binding, -1).setOn(ctx);
    }
    return guard.token(binding);
  }

  /** Whether a signed-in person's form passes both checks; when not, a 403 page is sent. */
  boolean formPasses(Context ctx, Session session) {
    return passes(ctx, session.id(), ctx.formParam(FormGuard.FIELD));
  }

  /** As {@link #formPasses(Context, Session)}, with the token of a form read otherwise (upload). */
  boolean formPasses(Context ctx, Session session, String token) {
    return passes(ctx, session.id(), token);
  }

  /** Whether a form shown before signing in passes both checks; when not, a 403 page is sent. */
  boolean browserFormPasses(Context ctx) {
    return passes(ctx, ctx.cookie(FormGuard.BROWSER_COOKIE), ctx.formParam(FormGuard.FIELD));
  }

  private boolean passes(Context ctx, String binding, String token) {
    // The headers are checked before the body is read: a forged post costs nothing.
    if (FormGuard.fromThisSite(ctx, baseUrl()) && guard.valid(binding, token)) {
      return true;
    }
    refuseForm(ctx);
    return false;
  }

  /**
   * Whether the browser says a form came from this site, from the headers alone: checked before a
   * large body (an upload) is read. When not, a 403 page is sent.
   */
  boolean fromThisSite(Context ctx) {
    if (FormGuard.fromThisSite(ctx, baseUrl())) {
      return true;
    }
    refuseForm(ctx);
    return false;
  }

  private void refuseForm(Context ctx) {
    refuse(
        ctx,
        HttpStatus.FORBIDDEN,
        "Form not accepted",
        "Nothing was changed: the form was not sent from this site's own page, or the page was too"
            + " old. Please go back, reload the page and send it again.");
  }

  void refuse(Context ctx, HttpStatus status, String heading, String message) {
    ctx.status(status);
    WebServer.keepOwnPage(ctx);
    html(
        ctx,
        templates.render(
            "web/error.jte",
            new ErrorPage(
                layout.get(),
                new PageMeta(heading, message, ctx.path()),
                status.getCode(),
                heading,
                message,
                WebServer.requestId(ctx))));
  }

  static void html(Context ctx, byte[] page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** A path on this site to return to after signing in; anything else goes to the newsroom. */
  static String localPath(String candidate) {
    if (candidate == null
        || candidate.length() > 2000
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.contains("\\")
        || candidate.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return HOME;
    }
    return candidate;
  }
}
