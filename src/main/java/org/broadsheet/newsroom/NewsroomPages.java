package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.audit.AuditEntry;
import org.broadsheet.web.Layout;
import org.broadsheet.web.PageMeta;

/** The models of the newsroom's templates (src/main/jte/newsroom/). */
public final class NewsroomPages {
  private NewsroomPages() {}

  /**
   * The sign-in form.
   *
   * @param message why the last attempt failed, or what happened (signed out), or null
   * @param problem whether the message is a problem (shown as an alert) or a notice
   */
  public record SignIn(
      Layout layout,
      PageMeta meta,
      String email,
      String returnTo,
      String csrf,
      String message,
      boolean problem,
      boolean resetsOffered) {}

  /** The newsroom's landing page for a signed-in person. */
  public record Home(
      Layout layout,
      PageMeta meta,
      User user,
      String csrf,
      boolean mayReadAuditLog,
      int sessions,
      String message) {}

  /** One of the short forms around password resets. */
  public record Reset(
      Layout layout,
      PageMeta meta,
      String heading,
      String message,
      boolean problem,
      boolean showRequestForm,
      String token,
      String csrf) {}

  /**
   * The audit log, filtered and paged.
   *
   * @param entries each as shown: time in the site's zone
   */
  public record AuditLog(
      Layout layout,
      PageMeta meta,
      String actor,
      String action,
      String from,
      String to,
      List<String> actions,
      List<Line> entries,
      String problem,
      String previous,
      String next) {}

  /** One entry of the audit log as shown. */
  public record Line(String time, String datetime, AuditEntry entry) {}

  /**
   * The people page for administrators.
   *
   * @param message what the last action did, or why it was refused; null for none
   * @param newEmail with newPassword, the person just added and the password made up for them,
   *     shown this once; null otherwise
   */
  public record People(
      Layout layout,
      PageMeta meta,
      String csrf,
      String me,
      List<User> people,
      List<String> roles,
      NewPerson form,
      String message,
      boolean problem,
      String newEmail,
      String newPassword) {}

  /** The add-a-person form as sent, kept when it is refused. */
  public record NewPerson(String email, String name, String role, String author) {
    public static final NewPerson EMPTY = new NewPerson("", "", "reporter", "");
  }
}
