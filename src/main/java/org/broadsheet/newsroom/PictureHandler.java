package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.media.PictureDetails;
import org.broadsheet.media.PictureEdit;
import org.broadsheet.media.PictureIntake;
import org.broadsheet.media.PictureLibraryService;
import org.broadsheet.web.PageMeta;
import org.broadsheet.web.UploadRoute;
import org.broadsheet.web.WebServer;

/** The picture library: browse and search, upload, and a picture's rights and default texts. */
final class PictureHandler {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PictureHandler.class);
  static final String LIBRARY = "/newsroom/pictures";

  /** The upload form's body: the largest picture file and room for the form's token and parts. */
  static final UploadRoute UPLOAD = UploadRoute.at(LIBRARY, PictureIntake.MAX_BYTES + 64 * 1024);

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String FILE_FIELD = "file";

  private final PictureDeskService desk;
  private final NewsroomAccess access;
  private final Supplier<ZoneId> zone;

  PictureHandler(PictureDeskService desk, NewsroomAccess access, Supplier<ZoneId> zone) {
    this.desk = desk;
    this.access = access;
    this.zone = zone;
  }

  void library(Context ctx) {
    access
        .allowed(ctx, Permission.WRITE_OWN_DRAFTS)
        .ifPresent(session -> showLibrary(ctx, session, null, false));
  }

  private void showLibrary(Context ctx, Session session, String message, boolean problem) {
    String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    if (query.length() > 200) {
      query = query.substring(0, 200);
    }
    int page = pageNumber(ctx.queryParam("page"));
    Instant now = Instant.now();
    PictureDeskService.Library found = desk.library(query, page, now);
    List<PicturePages.Entry> pictures =
        found.page().pictures().stream()
            .map(p -> entry(p, found.uses().getOrDefault(p.id(), List.of()), now))
            .toList();
    List<PicturePages.Entry> expiring =
        found.expiring().stream().map(p -> entry(p, List.of(), now)).toList();
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/pictures.jte",
                new PicturePages.Library(
                    access.layout(),
                    new PageMeta("Picture library", "The newsroom's pictures.", LIBRARY),
                    query,
                    pictures,
                    expiring,
                    PictureLibraryService.EXPIRY_WARNING_DAYS,
                    "%,d bytes (20 MB)".formatted(PictureIntake.MAX_BYTES),
                    access.formToken(session),
                    message,
                    problem,
                    page > 1 ? link(query, page - 1) : null,
                    found.page().more() ? link(query, page + 1) : null)));
  }

  /**
   * An upload. Who sends it and from where are checked, and its declared size, before a byte of the
   * body is read; then its token, then the file goes through the intake.
   */
  void upload(Context ctx) {
    Optional<Session> allowed = access.allowed(ctx, Permission.WRITE_OWN_DRAFTS);
    if (allowed.isEmpty() || !access.fromThisSite(ctx)) {
      return;
    }
    Session session = allowed.get();
    if (UPLOAD.tooLarge(ctx.req().getContentLengthLong())) {
      tooLarge(ctx, session);
      return;
    }
    UploadRoute.Received.Form form;
    switch (UPLOAD.read(ctx, FILE_FIELD)) {
      case UploadRoute.Received.Form read -> form = read;
      case UploadRoute.Received.TooLarge tooLarge -> {
        tooLarge(ctx, session);
        return;
      }
      case UploadRoute.Received.Unreadable unreadable -> {
        log.info("Upload could not be read: {}", unreadable.reason());
        refuseUpload(
            ctx,
            session,
            HttpStatus.BAD_REQUEST,
            "The upload could not be read: "
                + unreadable.reason()
                + ". Nothing was stored; please choose the file and send it again.");
        return;
      }
    }
    if (!access.formPasses(ctx, session, form.fields().get(FormGuard.FIELD))) {
      return;
    }
    if (form.fileName() == null || form.fileName().isBlank()) {
      refuseUpload(
          ctx,
          session,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Choose a picture file (JPEG, PNG or WebP) to upload.");
      return;
    }
    String name = fileName(form.fileName());
    byte[] bytes = form.file();
    if (bytes.length > PictureIntake.MAX_BYTES) {
      refuseUpload(ctx, session, HttpStatus.CONTENT_TOO_LARGE, tooLargeFile(name, bytes.length));
      return;
    }
    switch (desk.upload(session.user(), name, bytes, WebServer.client(ctx).ip())) {
      case PictureDeskService.UploadOutcome.Uploaded uploaded ->
          ctx.redirect(
              LIBRARY
                  + "/"
                  + uploaded.picture().id()
                  + (uploaded.added() ? "?uploaded" : "?already"),
              HttpStatus.SEE_OTHER);
      case PictureDeskService.UploadOutcome.Refused refused ->
          refuseUpload(
              ctx,
              session,
              HttpStatus.UNPROCESSABLE_CONTENT,
              "Not uploaded: " + refused.reason() + ". Nothing was stored.");
    }
  }

  private void tooLarge(Context ctx, Session session) {
    refuseUpload(
        ctx,
        session,
        HttpStatus.CONTENT_TOO_LARGE,
        "The file is too large: pictures may be at most %,d bytes (20 MB). Nothing was stored."
            .formatted(PictureIntake.MAX_BYTES));
  }

  private void refuseUpload(Context ctx, Session session, HttpStatus status, String message) {
    ctx.status(status);
    WebServer.keepOwnPage(ctx);
    showLibrary(ctx, session, message, true);
  }

  /** Why a file over the byte limit was not stored, naming it: the library's and the editor's. */
  static String tooLargeFile(String name, int bytes) {
    return "Not uploaded: %s is %,d bytes; pictures may be at most %,d bytes (20 MB). Nothing was stored."
        .formatted(name, bytes, PictureIntake.MAX_BYTES);
  }

  /** The file's own name, without any folder a browser sent with it, at most 200 characters. */
  static String fileName(String sent) {
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      name = "the file";
    }
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  void picture(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.WRITE_OWN_DRAFTS);
    if (session.isEmpty()) {
      return;
    }
    Optional<PictureDetails> picture = find(ctx);
    if (picture.isEmpty()) {
      return;
    }
    String notice = null;
    if (ctx.queryParam("uploaded") != null) {
      notice =
          "Uploaded. The credit, creator, copyright notice and caption the file carries are filled"
              + " in below; check them and add the alt text.";
    } else if (ctx.queryParam("already") != null) {
      notice = "This file was already in the library with these rights: here it is.";
    } else if (ctx.queryParam("saved") != null) {
      notice = "Saved.";
    }
    ZoneId here = zone.get();
    PictureDetails found = picture.get();
    showPicture(
        ctx,
        session.get(),
        found,
        PictureEdit.of(found),
        found.rights().expires() == null
            ? ""
            : found.rights().expires().atZone(here).toLocalDate().toString(),
        Map.of(),
        notice);
  }

  void edit(Context ctx) {
    Optional<Session> session = access.allowed(ctx, Permission.WRITE_OWN_DRAFTS);
    if (session.isEmpty()) {
      return;
    }
    Optional<PictureDetails> picture = find(ctx);
    if (picture.isEmpty()) {
      return;
    }
    PictureDetails before = picture.get();
    if (!PictureDeskService.mayEdit(session.get().user(), before)) {
      access.refuse(
          ctx,
          HttpStatus.FORBIDDEN,
          "Not allowed",
          "Only editors and administrators edit this picture (and the person who uploaded it)."
              + " Nothing was changed.");
      return;
    }
    if (!access.formPasses(ctx, session.get())) {
      return;
    }
    ZoneId here = zone.get();
    Map<String, String> problems = new LinkedHashMap<>();
    String expiresText = field(ctx, "expires");
    Instant expires = null;
    Instant current = before.rights().expires();
    if (current != null && expiresText.equals(current.atZone(here).toLocalDate().toString())) {
      // Unchanged: an expiry the import gave with a time of day keeps it.
      expires = current;
    } else if (!expiresText.isEmpty()) {
      try {
        expires = LocalDate.parse(expiresText).atStartOfDay(here).toInstant();
      } catch (DateTimeParseException e) {
        problems.put(
            "expires", "\"" + expiresText + "\" is not a date; write dates as 2027-05-31.");
      }
    }
    PictureEdit typed =
        new PictureEdit(
            field(ctx, "caption"),
            field(ctx, "alt"),
            field(ctx, "creator"),
            field(ctx, "credit"),
            field(ctx, "copyright"),
            field(ctx, "source"),
            field(ctx, "terms"),
            expires);
    problems.putAll(typed.problems());
    if (!problems.isEmpty()) {
      refuseEdit(ctx, session.get(), before, typed, expiresText, problems);
      return;
    }
    switch (desk.edit(session.get().user(), before, typed, WebServer.client(ctx).ip())) {
      case PictureLibraryService.EditOutcome.Saved saved ->
          ctx.redirect(LIBRARY + "/" + before.id() + "?saved", HttpStatus.SEE_OTHER);
      case PictureLibraryService.EditOutcome.Refused refused ->
          refuseEdit(ctx, session.get(), before, typed, expiresText, refused.problems());
      case PictureLibraryService.EditOutcome.NotFound notFound -> notFound(ctx);
    }
  }

  private void refuseEdit(
      Context ctx,
      Session session,
      PictureDetails before,
      PictureEdit typed,
      String expiresText,
      Map<String, String> problems) {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    WebServer.keepOwnPage(ctx);
    showPicture(ctx, session, before, typed, expiresText, problems, null);
  }

  private void showPicture(
      Context ctx,
      Session session,
      PictureDetails picture,
      PictureEdit values,
      String expiresText,
      Map<String, String> problems,
      String notice) {
    Instant now = Instant.now();
    PicturePages.Entry entry = entry(picture, desk.uses(picture.id()), now);
    String title = "Picture " + picture.id();
    NewsroomAccess.html(
        ctx,
        access
            .templates()
            .render(
                "newsroom/picture.jte",
                new PicturePages.Picture(
                    access.layout(),
                    new PageMeta(title, "A picture of the library.", LIBRARY + "/" + picture.id()),
                    entry,
                    values,
                    expiresText,
                    zone.get().getId(),
                    PictureDeskService.mayEdit(session.user(), picture),
                    problems,
                    access.formToken(session),
                    notice)));
  }

  private Optional<PictureDetails> find(Context ctx) {
    Optional<PictureDetails> picture = Optional.empty();
    try {
      picture = desk.picture(Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException e) {
      // Not a picture's number: not found.
    }
    if (picture.isEmpty()) {
      notFound(ctx);
    }
    return picture;
  }

  private void notFound(Context ctx) {
    access.refuse(
        ctx,
        HttpStatus.NOT_FOUND,
        "Picture not found",
        "There is no such picture in the library. Go back to the library and search for it.");
  }

  private PicturePages.Entry entry(
      PictureDetails picture, List<org.broadsheet.article.PictureUse> uses, Instant now) {
    Instant expires = picture.rights().expires();
    return new PicturePages.Entry(
        picture,
        uses,
        expires == null ? "" : SHOWN.format(expires.atZone(zone.get())),
        picture.expiredAt(now));
  }

  private static String link(String query, int page) {
    return LIBRARY
        + "?"
        + (query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&")
        + "page="
        + page;
  }

  private static int pageNumber(String text) {
    try {
      return text == null ? 1 : Math.clamp(Integer.parseInt(text), 1, 100_000);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** A form field as typed (the form's body is at most 1 MB), less NUL characters. */
  private static String field(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.replace("\u0000", "");
  }
}
