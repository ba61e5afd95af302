package org.broadsheet.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadsheet.media.PictureIntake;
import org.broadsheet.web.UploadRoute;
import org.broadsheet.web.WebServer;

/**
 * The editor's form as it was sent: URL-encoded, or multipart to carry a lead picture's file. Its
 * fields by name (the first value of each), and the file when one was chosen.
 *
 * @param fileName the file's name as the browser sent it; null or blank when none was chosen
 */
record EditorSubmission(Map<String, String> fields, String fileName, byte[] file) {
  /** The form's file field: a picture to upload as the lead. */
  static final String LEAD_FILE = "lead-file";

  /**
   * The editor takes a multipart form at a new article's address and an existing one's: the largest
   * picture and room for every field (as much as any form may send). Its parts: four for each
   * source row the form reads, some 25 other fields and the file, with room to spare.
   */
  static final UploadRoute UPLOAD =
      new UploadRoute(
          Pattern.compile(Pattern.quote(EditorHandler.ARTICLES) + "/(new|\\d{1,18})"),
          PictureIntake.MAX_BYTES + WebServer.MAX_REQUEST_BYTES,
          EditorForm.MAX_SOURCE_ROWS * 4 + 50);

  /**
   * What is read of a multipart form sent after its session ended, to keep its fields across
   * signing in: no more than any form may send, so a person not signed in costs no more than with
   * any other form.
   */
  private static final UploadRoute FIELDS_ONLY = UPLOAD.atMost(WebServer.MAX_REQUEST_BYTES);

  String field(String name) {
    return fields.get(name);
  }

  boolean hasFile() {
    return fileName != null && !fileName.isBlank();
  }

  /**
   * The form, once who sent it and from where are checked: a multipart one (which may carry a
   * picture) after its declared length too, before a byte of it is read, and its token after. Empty
   * when the request was answered (refused).
   */
  static Optional<EditorSubmission> receive(Context ctx, Session session, NewsroomAccess access) {
    if (!UploadRoute.isMultipart(ctx)) {
      return access.formPasses(ctx, session) ? Optional.of(urlEncoded(ctx)) : Optional.empty();
    }
    if (!access.fromThisSite(ctx)) {
      return Optional.empty();
    }
    if (UPLOAD.tooLarge(ctx.req().getContentLengthLong())) {
      tooLarge(ctx, access);
      return Optional.empty();
    }
    return switch (UPLOAD.read(ctx, LEAD_FILE)) {
      case UploadRoute.Received.Form form ->
          access.formPasses(ctx, session, form.fields().get(FormGuard.FIELD))
              ? Optional.of(new EditorSubmission(form.fields(), form.fileName(), form.file()))
              : Optional.empty();
      case UploadRoute.Received.TooLarge tooLarge -> {
        tooLarge(ctx, access);
        yield Optional.empty();
      }
      case UploadRoute.Received.Unreadable unreadable -> {
        access.refuse(
            ctx,
            HttpStatus.BAD_REQUEST,
            "Form not read",
            "The form could not be read: "
                + unreadable.reason()
                + ". Nothing was saved. Go back: your browser still has what you typed; send it"
                + " again.");
        yield Optional.empty();
      }
    };
  }

  private static void tooLarge(Context ctx, NewsroomAccess access) {
    access.refuse(
        ctx,
        HttpStatus.CONTENT_TOO_LARGE,
        "Too large to send",
        "The form carried more than %,d bytes: a picture may be at most %,d bytes (20 MB). Nothing was saved. Go back: your browser still has what you typed; choose a smaller picture."
            .formatted(UPLOAD.maxBytes(), PictureIntake.MAX_BYTES));
  }

  /**
   * The editor's fields of a form sent without a session, to carry across signing in.
   *
   * @param lost what could not be kept, as a sentence to add to the sign-in page's note; empty when
   *     everything was
   */
  record Kept(Map<String, String> fields, String lost) {}

  /** The fields typed in a form sent after its session ended; nothing else of it is read. */
  static Kept keptWithoutSession(Context ctx) {
    Map<String, String> sent = new LinkedHashMap<>();
    String lost = "";
    if (!UploadRoute.isMultipart(ctx)) {
      sent.putAll(urlEncoded(ctx).fields());
    } else if (!FIELDS_ONLY.tooLarge(ctx.req().getContentLengthLong())
        && FIELDS_ONLY.read(ctx, LEAD_FILE) instanceof UploadRoute.Received.Form form) {
      sent.putAll(form.fields());
      if (form.fileName() != null && !form.fileName().isBlank()) {
        lost = " The picture file you chose has to be chosen again.";
      }
    } else {
      lost =
          " What you typed could not be kept, as the form carried a large picture file: go back"
              + " in your browser to copy it.";
    }
    Map<String, String> kept = new LinkedHashMap<>();
    sent.forEach(
        (name, value) -> {
          if (!name.equals(LEAD_FILE)
              && (EditorForm.FIELDS.contains(name) || name.startsWith("source-"))) {
            kept.put(name, value);
          }
        });
    return new Kept(kept, lost);
  }

  private static EditorSubmission urlEncoded(Context ctx) {
    Map<String, String> fields = new LinkedHashMap<>();
    ctx.formParamMap()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                fields.put(name, values.getFirst());
              }
            });
    return new EditorSubmission(fields, null, new byte[0]);
  }
}
