package org.broadsheet.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * A route that takes a file in a multipart form, the only kind that may: every other form of the
 * site is sent URL-encoded, and a multipart body anywhere else is refused (400) unread. The body's
 * declared length is checked against {@code maxBytes} before a byte of it is read ({@link
 * #tooLarge}); {@link #read} then reads at most that much into memory and parses it there with
 * Jetty's multipart parser, apart from the request, so a malformed body is one more refusal, never
 * a failure of the request after its answer (as the servlet's own parsing would make it).
 *
 * @param paths the paths the route answers, as a whole-path pattern: {@code /newsroom/pictures}, or
 *     {@code /newsroom/articles/(new|\d{1,18})} for the editor's new and existing articles
 * @param maxBytes the largest body taken: the largest file plus room for the form's other fields
 * @param maxParts the most parts a body may have (its fields and its file)
 */
public record UploadRoute(Pattern paths, long maxBytes, int maxParts) {
  /** A route at one exact path whose form has a few fields beside its file. */
  public static UploadRoute at(String path, long maxBytes) {
    return new UploadRoute(Pattern.compile(Pattern.quote(path)), maxBytes, 10);
  }

  /** Whether a request to this path (without its query) is one this route takes. */
  public boolean takes(String path) {
    return paths.matcher(path).matches();
  }

  /** What an upload's body held, or why it could not be read. */
  public sealed interface Received {
    /**
     * The form's text fields, and its file: {@code fileName} null when the form sent none.
     *
     * @param fileName the name the browser gave the file, as sent
     */
    record Form(Map<String, String> fields, String fileName, byte[] file) implements Received {}

    /** The body was larger than the route takes. */
    record TooLarge() implements Received {}

    /** The body is no multipart form (cut off, malformed). */
    record Unreadable(String reason) implements Received {}
  }

  /** Whether the request's body is sent as a multipart form (not yet whether it is a whole one). */
  public static boolean isMultipart(Context ctx) {
    String type = ctx.req().getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  /** The same route taking at most this many bytes (only a form's fields, say). */
  public UploadRoute atMost(long bytes) {
    return new UploadRoute(paths, bytes, maxParts);
  }

  /** Whether a body declared this long (-1: not declared) is larger than the route takes. */
  public boolean tooLarge(long declaredLength) {
    return declaredLength > maxBytes;
  }

  /** Reads the request's multipart body, at most {@link #maxBytes}, the file from this field. */
  public Received read(Context ctx, String fileField) {
    String boundary = MultiPart.extractBoundary(ctx.req().getContentType());
    if (boundary == null || boundary.isEmpty()) {
      return new Received.Unreadable("the form was not sent as multipart/form-data");
    }
    byte[] body;
    try {
      body =
          ctx.req()
              .getInputStream()
              .readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      return new Received.Unreadable("the body was cut off (" + e.getMessage() + ")");
    }
    if (body.length > maxBytes) {
      return new Received.TooLarge();
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(maxParts);
    parser.setMaxLength(maxBytes);
    parser.setMaxFileSize(maxBytes);
    // Everything stays in memory: no part is written to a temporary file.
    parser.setMaxMemoryFileSize(maxBytes);
    try (MultiPartFormData.Parts parts =
        parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get(30, TimeUnit.SECONDS)) {
      Map<String, String> fields = new LinkedHashMap<>();
      String fileName = null;
      byte[] file = null;
      for (MultiPart.Part part : parts) {
        if (part.getName() == null) {
          continue;
        }
        if (part.getName().equals(fileField) && part.getFileName() != null && file == null) {
          fileName = part.getFileName();
          ByteBuffer content = Content.Source.asByteBuffer(part.createContentSource());
          file = new byte[content.remaining()];
          content.get(file);
        } else if (part.getFileName() == null) {
          fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
        }
      }
      return new Received.Form(fields, fileName, file == null ? new byte[0] : file);
    } catch (ExecutionException | IOException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      return new Received.Unreadable(
          "it is not a whole multipart form (" + cause.getMessage() + ")");
    } catch (TimeoutException e) {
      return new Received.Unreadable("it took too long to read");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Received.Unreadable("the site is stopping");
    }
  }
}
