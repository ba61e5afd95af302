package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/** Signing in and out, the newsroom's landing page, and password resets by email. */
final class NewsroomHandler {
  private final AccountService accounts;
  private final PasswordResets resets;
  private final NewsroomAccess access;
  private final Resumer resumer;

  /** What shows a form again, kept across signing in when its session had ended. */
  @FunctionalInterface
  interface Resumer {
    void resume(Context ctx, Session session, String path, Map<String, String> kept);
  }

  NewsroomHandler(
      AccountService accounts, PasswordResets resets, NewsroomAccess access, Resumer resumer) {
    this.accounts = accounts;
    this.resets = resets;
    this.access = access;
    this.resumer = resumer;
  }

  void signInPage(Context ctx) {
    String returnTo = NewsroomAccess.localPath(ctx.queryParam("return"));
    if (access.session(ctx).isPresent()) {
      ctx.redirect(returnTo, HttpStatus.SEE_OTHER);
      return;
    }
    String notice = null;
    if (ctx.queryParam("signed-out") != null) {
      notice = "You are signed out.";
    } else if (ctx.queryParam("reset") != null) {
      notice = "Your new password is set. Sign in with it.";
    }
    showSignIn(ctx, "", returnTo, notice, false);
  }

  private void showSignIn(
      Context ctx, String email, String returnTo, String message, boolean problem) {
    showSignIn(ctx, email, returnTo, message, problem, Map.of());
  }

  private void showSignIn(
      Context ctx,
      String email,
      String returnTo,
      String message,
      boolean problem,
      Map<String, String> kept) {
    access.showSignIn(ctx, email, returnTo, message, problem, kept);
  }

  void signIn(Context ctx) {
    if (!access.browserFormPasses(ctx)) {
      return;
    }
    String email = field(ctx, "email");
    String returnTo = NewsroomAccess.localPath(ctx.formParam("return"));
    Map<String, String> kept = kept(ctx);
    SignInOutcome outcome =
        accounts.signIn(
            email,
            Optional.ofNullable(ctx.formParam("password")).orElse(""),
            field(ctx, "code"),
            WebServer.client(ctx).ip(),
            Instant.now());
    switch (outcome) {
      case SignInOutcome.SignedIn signedIn -> {
        access.startSession(ctx, signedIn.token());
        Optional<Session> session =
            kept.isEmpty() ? Optional.empty() : accounts.session(signedIn.token(), Instant.now());
        if (session.isPresent()) {
          resumer.resume(ctx, session.get(), returnTo, kept);
        } else {
          ctx.redirect(returnTo, HttpStatus.SEE_OTHER);
        }
      }
      case SignInOutcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        showSignIn(ctx, email, returnTo, refused.message(), true, kept);
      }
      case SignInOutcome.CodeNeeded needed -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        showSignIn(ctx, email, returnTo, needed.message(), true, kept);
      }
      case SignInOutcome.TwoStepRequired required -> {
        ctx.status(HttpStatus.FORBIDDEN);
        showSignIn(ctx, email, returnTo, required.message(), true, kept);
      }
      case SignInOutcome.Limited limited -> {
        ctx.status(HttpStatus.TOO_MANY_REQUESTS);
        ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        showSignIn(ctx, email, returnTo, limited.message(), true, kept);
      }
    }
  }

  void signOut(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    accounts.signOut(session.get(), WebServer.client(ctx).ip());
    access.endCookie(ctx);
    ctx.redirect(NewsroomAccess.SIGN_IN + "?signed-out", HttpStatus.SEE_OTHER);
  }

  void signOutEverywhere(Context ctx) {
    Optional<Session> session = access.signedIn(ctx);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return;
    }
    accounts.signOutEverywhere(session.get(), WebServer.client(ctx).ip());
    access.endCookie(ctx);
    ctx.redirect(NewsroomAccess.SIGN_IN + "?signed-out", HttpStatus.SEE_OTHER);
  }

  void resetRequestPage(Context ctx) {
    showReset(
        ctx,
        "Forgot your password?",
        resets.offered()
            ? "Give the email address of your account and we will send it a link to choose a new password."
            : "This site cannot send email yet. Ask an administrator to set a new password for you"
                + " with: ./broadsheet users passwd EMAIL",
        false,
        resets.offered(),
        "");
  }

  void resetRequest(Context ctx) {
    if (!access.browserFormPasses(ctx)) {
      return;
    }
    if (!resets.offered()) {
      resetRequestPage(ctx);
      return;
    }
    resets.request(field(ctx, "email"), WebServer.client(ctx).ip(), Instant.now());
    showReset(ctx, "Check your email", PasswordResets.SENT, false, false, "");
  }

  void resetPage(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    if (resets.linkFor(token, Instant.now()).isEmpty()) {
      expired(ctx);
      return;
    }
    showReset(ctx, "Choose a new password", null, false, false, token);
  }

  void reset(Context ctx) {
    if (!access.browserFormPasses(ctx)) {
      return;
    }
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
    switch (resets.reset(
        token,
        Optional.ofNullable(ctx.formParam("password")).orElse(""),
        Optional.ofNullable(ctx.formParam("repeat")).orElse(""),
        WebServer.client(ctx).ip(),
        Instant.now())) {
      case PasswordResets.Outcome.Reset reset -> {
        access.endCookie(ctx);
        ctx.redirect(NewsroomAccess.SIGN_IN + "?reset", HttpStatus.SEE_OTHER);
      }
      case PasswordResets.Outcome.Refused refused -> {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        showReset(ctx, "Choose a new password", refused.message(), true, false, token);
      }
      case PasswordResets.Outcome.Expired expired -> expired(ctx);
    }
  }

  private void expired(Context ctx) {
    ctx.status(HttpStatus.NOT_FOUND);
    WebServer.keepOwnPage(ctx);
    showReset(
        ctx,
        "Link not valid",
        "This link has been used already, has expired, or was cut short by your email program."
            + " Ask for a new one.",
        true,
        resets.offered(),
        "");
  }

  private void showReset(
      Context ctx,
      String heading,
      String message,
      boolean problem,
      boolean requestForm,
      String token) {
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/reset.jte",
                new NewsroomPages.Reset(
                    access.layout(),
                    new PageMeta(heading, "Choose a new password.", "/newsroom/reset-password"),
                    heading,
                    message,
                    problem,
                    requestForm,
                    token,
                    access.browserFormToken(ctx))));
  }

  /** The fields of a form whose session ended, carried through the sign-in form as typed. */
  private static Map<String, String> kept(Context ctx) {
    Map<String, String> kept = new LinkedHashMap<>();
    ctx.formParamMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith(NewsroomAccess.KEPT) && !values.isEmpty()) {
                kept.put(name.substring(NewsroomAccess.KEPT.length()), values.getFirst());
              }
            });
    return kept;
  }

  /** A form field as typed, less NUL characters, at most 1,000 characters. */
  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    if (value == null) {
      return "";
    }
    value = value.replace("\u0000", "");
    return value.length() > 1000 ? value.substring(0, 1000) : value;
  }
}
