package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administrators add people and change their roles in the browser, as `users` does. */
class PeopleTest {
  private TestSite site;

  @BeforeEach
  void open() {
    site = NewsroomTesting.site();
    NewsroomTesting.add(site, "chief@harbour.example", "administrator");
    NewsroomTesting.add(site, "ed@harbour.example", "editor");
  }

  @AfterEach
  void close() {
    site.close();
  }

  private HttpResponse<String> post(Reader reader, String action, Map<String, String> fields) {
    Map<String, String> form =
        new LinkedHashMap<>(NewsroomTesting.hiddenFields(reader, "/newsroom/users"));
    form.remove("email");
    form.putAll(fields);
    return reader.post(action, form, Map.of("Origin", site.url("")));
  }

  @Test
  void anAdministratorAddsAReporterWhoSignsInWithThePasswordShownOnce() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    HttpResponse<String> added =
        post(
            chief,
            "/newsroom/users",
            Map.of(
                "email", "Rita@Harbour.example",
                "name", "Rita Reporter",
                "role", "reporter",
                "author", ""));
    assertThat(added.statusCode()).isEqualTo(200);
    Document page = NewsroomTesting.parse(added);
    assertThat(page.select(".new-password").text()).contains("rita@harbour.example");
    String password = page.selectFirst(".new-password code").text();
    assertThat(password).hasSizeGreaterThanOrEqualTo(12);
    assertThat(added.headers().firstValue("Cache-Control")).contains("private, no-store");

    Reader rita = new Reader(site);
    assertThat(NewsroomTesting.signIn(rita, site, "rita@harbour.example", password).statusCode())
        .isEqualTo(303);
    assertThat(rita.page("/newsroom").text()).contains("Rita Reporter", "Reporter");
    // The password is never shown again, and the audit log names who added whom.
    assertThat(chief.page("/newsroom/users").text()).doesNotContain(password);
    assertThat(chief.page("/newsroom/audit?action=user.add").text())
        .contains("chief@harbour.example", "rita@harbour.example");
  }

  @Test
  void aRefusedPersonKeepsTheFormAndNothingIsAdded() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    HttpResponse<String> refused =
        post(
            chief,
            "/newsroom/users",
            Map.of("email", "not-an-email", "name", "Kept Name", "role", "chief", "author", ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = NewsroomTesting.parse(refused);
    assertThat(page.select("[role=alert]").text())
        .as(refused.body())
        .contains("is not an email address");
    assertThat(page.selectFirst("#person-name").val()).isEqualTo("Kept Name");
    assertThat(site.application().accounts().list()).hasSize(2);
  }

  @Test
  void rolesChangeAndAccountsAreDisabledButNeverTheAdministratorsOwn() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    Reader ed = NewsroomTesting.signedIn(site, "ed@harbour.example");
    assertThat(
            post(
                    chief,
                    "/newsroom/users/role",
                    Map.of("email", "ed@harbour.example", "role", "moderator"))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.application().accounts().find("ed@harbour.example").get().role())
        .isEqualTo(Role.MODERATOR);
    // A new role ends the person's sessions.
    assertThat(NewsroomTesting.inside(ed)).isFalse();
    assertThat(chief.page("/newsroom/users?changed=ed%40harbour.example").text())
        .contains("The account of ed@harbour.example is changed.");
    // An address cannot put words of its own on the page.
    assertThat(chief.page("/newsroom/users?changed=Call+0800+now").select("[role=status]"))
        .isEmpty();

    assertThat(
            post(chief, "/newsroom/users/disable", Map.of("email", "ed@harbour.example"))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.application().accounts().find("ed@harbour.example").get().disabled()).isTrue();
    HttpResponse<String> self =
        post(chief, "/newsroom/users/disable", Map.of("email", "chief@harbour.example"));
    assertThat(self.statusCode()).isEqualTo(400);
    HttpResponse<String> demote =
        post(
            chief,
            "/newsroom/users/role",
            Map.of("email", "chief@harbour.example", "role", "editor"));
    assertThat(demote.statusCode()).isEqualTo(400);
    assertThat(site.application().accounts().find("chief@harbour.example").get())
        .satisfies(u -> assertThat(u.role()).isEqualTo(Role.ADMINISTRATOR))
        .satisfies(u -> assertThat(u.disabled()).isFalse());
  }

  @Test
  void onlyAdministratorsManagePeopleAndForgedFormsChangeNothing() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    Map<String, String> form =
        new LinkedHashMap<>(NewsroomTesting.hiddenFields(chief, "/newsroom/users"));
    Reader ed = NewsroomTesting.signedIn(site, "ed@harbour.example");
    assertThat(ed.get("/newsroom/users").statusCode()).isEqualTo(403);
    Map<String, String> edForm = new LinkedHashMap<>(NewsroomTesting.hiddenFields(ed, "/newsroom"));
    edForm.put("email", "ed@harbour.example");
    edForm.put("role", "administrator");
    assertThat(ed.post("/newsroom/users/role", edForm, Map.of("Origin", site.url(""))).statusCode())
        .isEqualTo(403);
    // The administrator's own token, sent from another site.
    form.put("email", "ed@harbour.example");
    form.put("role", "administrator");
    assertThat(
            chief
                .post("/newsroom/users/role", form, Map.of("Origin", "https://evil.example"))
                .statusCode())
        .isEqualTo(403);
    assertThat(site.application().accounts().find("ed@harbour.example").get().role())
        .isEqualTo(Role.EDITOR);
    assertThat(new Reader(site).get("/newsroom/users").statusCode()).isEqualTo(303);
  }
}
