package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.broadsheet.audit.Actor;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.WebServer;

/**
 * People in the newsroom, for administrators: adding someone with a role (a password made up and
 * shown once), changing roles, disabling and enabling. The same service and rules as the `users`
 * command; an administrator cannot lock themselves out from here.
 */
final class PeopleHandler {
  static final String PATH = "/newsroom/users";

  private final AccountService accounts;
  private final NewsroomAccess access;

  PeopleHandler(AccountService accounts, NewsroomAccess access) {
    this.accounts = accounts;
    this.access = access;
  }

  void page(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MANAGE_USERS);
    if (session.isEmpty()) {
      return;
    }
    // The address names whose account changed; the page writes the words, and only for someone
    // who is there, so a link cannot put a message of its own on this page.
    String changed = ctx.queryParam("changed");
    String message =
        changed == null || accounts.find(changed).isEmpty()
            ? null
            : "The account of " + AccountService.normalEmail(changed) + " is changed.";
    show(ctx, session.get(), NewsroomPages.NewPerson.EMPTY, message, false, null);
  }

  void add(Context ctx) {
    Optional<Session> session = admitted(ctx);
    if (session.isEmpty()) {
      return;
    }
    NewsroomPages.NewPerson form =
        new NewsroomPages.NewPerson(
            field(ctx, "email"), field(ctx, "name"), field(ctx, "role"), field(ctx, "author"));
    AccountChange change =
        accounts.add(
            form.email(),
            form.name(),
            form.role(),
            null,
            form.author().isEmpty() ? null : form.author(),
            actor(ctx, session.get()));
    switch (change) {
      case AccountChange.Generated made ->
          show(
              ctx,
              session.get(),
              NewsroomPages.NewPerson.EMPTY,
              made.user().name()
                  + " ("
                  + made.user().email()
                  + ") is added as "
                  + made.user().role().word()
                  + ".",
              false,
              made);
      case AccountChange.Refused refused -> {
        ctx.status(HttpStatus.BAD_REQUEST);
        show(ctx, session.get(), form, "Nobody was added: " + refused.reason() + ".", true, null);
      }
      default -> ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }
  }

  void changeRole(Context ctx) {
    Optional<Session> session = admitted(ctx);
    if (session.isEmpty()) {
      return;
    }
    String email = field(ctx, "email");
    String role = field(ctx, "role");
    if (isSelf(session.get(), email) && !Role.ADMINISTRATOR.word().equals(role)) {
      refuseOwn(ctx, session.get(), "give up your own administrator role");
      return;
    }
    after(ctx, session.get(), accounts.changeRole(email, role, actor(ctx, session.get())), email);
  }

  void disable(Context ctx) {
    Optional<Session> session = admitted(ctx);
    if (session.isEmpty()) {
      return;
    }
    String email = field(ctx, "email");
    if (isSelf(session.get(), email)) {
      refuseOwn(ctx, session.get(), "disable your own account");
      return;
    }
    after(ctx, session.get(), accounts.disable(email, actor(ctx, session.get())), email);
  }

  void enable(Context ctx) {
    Optional<Session> session = admitted(ctx);
    if (session.isEmpty()) {
      return;
    }
    String email = field(ctx, "email");
    after(ctx, session.get(), accounts.enable(email, actor(ctx, session.get())), email);
  }

  /** A form of this page: the right person, sent from this site's own page. */
  private Optional<Session> admitted(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.MANAGE_USERS);
    if (session.isEmpty() || !access.formPasses(ctx, session.get())) {
      return Optional.empty();
    }
    return session;
  }

  private void after(Context ctx, Session session, AccountChange change, String email) {
    if (change instanceof AccountChange.Refused refused) {
      ctx.status(HttpStatus.BAD_REQUEST);
      show(
          ctx,
          session,
          NewsroomPages.NewPerson.EMPTY,
          "Nothing changed: " + refused.reason() + ".",
          true,
          null);
      return;
    }
    ctx.redirect(
        PATH + "?changed=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private void refuseOwn(Context ctx, Session session, String what) {
    ctx.status(HttpStatus.BAD_REQUEST);
    show(
        ctx,
        session,
        NewsroomPages.NewPerson.EMPTY,
        "Nothing changed: you cannot "
            + what
            + " here, so the newsroom is never left without an administrator. Another"
            + " administrator can, or the command line (./broadsheet users).",
        true,
        null);
  }

  private static boolean isSelf(Session session, String email) {
    return AccountService.normalEmail(email).equals(session.user().email());
  }

  private void show(
      Context ctx,
      Session session,
      NewsroomPages.NewPerson form,
      String message,
      boolean problem,
      AccountChange.Generated made) {
    // A refusal (400) shows this page, with the form as sent, not the site's generic error page.
    WebServer.keepOwnPage(ctx);
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/users.jte",
                new NewsroomPages.People(
                    access.layout(),
                    new PageMeta("People", "Who works in the newsroom, and their roles.", PATH),
                    access.formToken(session),
                    session.user().email(),
                    accounts.list(),
                    Arrays.stream(Role.values()).map(Role::word).toList(),
                    form,
                    message,
                    problem,
                    made == null ? null : made.user().email(),
                    made == null ? null : made.password())));
  }

  private static Actor actor(Context ctx, Session session) {
    return Actor.person(session.user().email(), WebServer.client(ctx).ip());
  }

  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }
}
