package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.settings.SettingsService;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Administrators change the site's settings and trust pages in the browser, as `settings set`. */
class SettingsDeskTest {
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

  private HttpResponse<String> save(Reader reader, String key, String value) {
    return save(reader, key, value, Map.of());
  }

  private HttpResponse<String> save(
      Reader reader, String key, String value, Map<String, String> more) {
    Map<String, String> form =
        new LinkedHashMap<>(NewsroomTesting.hiddenFields(reader, "/newsroom/settings"));
    form.put("key", key);
    form.put("value", value);
    form.putAll(more);
    return reader.post("/newsroom/settings", form, Map.of("Origin", site.url("")));
  }

  private String stored(String key) {
    return site.application().settings().get(key);
  }

  @Test
  void anAdministratorRenamesTheSiteAndTheFrontPageShowsItAtOnce() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    // The front page is cached for readers before the change.
    assertThat(new Reader(site).page("/").title()).contains("Broadsheet");
    assertThat(chief.page("/newsroom").select("a[href=/newsroom/settings]")).hasSize(1);

    HttpResponse<String> saved = save(chief, "site.name", "The Harbour Ledger");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location"))
        .contains("/newsroom/settings?saved=site.name#setting-site-name");
    assertThat(new Reader(site).page("/").text()).contains("The Harbour Ledger");

    Document page = chief.page("/newsroom/settings?saved=site.name");
    assertThat(page.select("[role=status]").text()).contains("site.name is saved.");
    assertThat(page.selectFirst("#setting-site-name").val()).isEqualTo("The Harbour Ledger");
    assertThat(page.selectFirst("#setting-site-name-entry").text())
        .contains("Broadsheet", "stored for this site");
    // Every group the site declares is on the page.
    assertThat(page.select("section.settings-group h2").eachText())
        .contains(
            "Site", "Comments", "Email (SMTP)", "Page cache", "Newsroom sign-in and sessions");
    // A notice names only a real setting, so an address cannot put words on the page.
    assertThat(chief.page("/newsroom/settings?saved=Call+0800+now").select("[role=status]"))
        .isEmpty();

    Document audit = chief.page("/newsroom/audit?action=setting.set");
    assertThat(audit.text()).contains("chief@harbour.example", "site.name", "The Harbour Ledger");
  }

  @Test
  void anEditedTrustPageShowsAtItsPublicPath() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    assertThat(new Reader(site).page("/about/ethics").text()).contains("not published this page");
    Document trust = chief.page("/newsroom/trust");
    assertThat(trust.select("textarea#setting-about-ethics")).hasSize(1);
    assertThat(trust.select("a[href=/about/ethics]")).isNotEmpty();

    HttpResponse<String> saved =
        save(
            chief,
            "about.ethics",
            "## Gifts\r\n\r\nReporters at the *Ledger* accept no gifts from the people they cover.");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith("/newsroom/trust");
    assertThat(stored("about.ethics")).doesNotContain("\r");
    Document page = new Reader(site).page("/about/ethics");
    assertThat(page.select("h2").text()).contains("Gifts");
    assertThat(page.select("em").text()).contains("Ledger");
    assertThat(chief.page("/newsroom/trust?saved=about.ethics").select("[role=status]").text())
        .contains("It shows at /about/ethics.");
  }

  @Test
  void aValueOutOfRangeIsRefusedBesideItsFieldAndNothingChanges() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    HttpResponse<String> refused = save(chief, "site.page_size", "500");
    assertThat(refused.statusCode()).isEqualTo(422);
    Document page = NewsroomTesting.parse(refused);
    assertThat(page.select("[role=alert]").text())
        .contains("Nothing was changed", "site.page_size must be a whole number from 1 to 100");
    assertThat(page.selectFirst("#setting-site-page_size").val()).isEqualTo("500");
    assertThat(page.selectFirst("#setting-site-page_size").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#setting-site-page_size-problem").text())
        .isEqualTo("must be a whole number from 1 to 100");
    assertThat(stored("site.page_size")).isEqualTo("10");
    assertThat(site.application().settings().find("site.page_size").get().source())
        .isEqualTo(SettingsService.Source.DEFAULT);
    assertThat(chief.page("/newsroom/audit?action=setting.set").text())
        .doesNotContain("site.page_size");

    HttpResponse<String> tooLong = save(chief, "about.contact", "x".repeat(20_001));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(NewsroomTesting.parse(tooLong).select("#setting-about-contact-problem").text())
        .contains("at most 20,000 characters");
    assertThat(stored("about.contact")).isEmpty();
  }

  @Test
  void aSecretIsNeverShownAndAnEmptyFieldKeepsIt() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    String secret = "tide-table-4471";
    assertThat(save(chief, "smtp.password", secret).statusCode()).isEqualTo(303);
    assertThat(stored("smtp.password")).isEqualTo(secret);

    HttpResponse<String> page = chief.get("/newsroom/settings");
    assertThat(page.body()).doesNotContain(secret);
    Document document = NewsroomTesting.parse(page);
    assertThat(document.selectFirst("#setting-smtp-password").attr("type")).isEqualTo("password");
    assertThat(document.selectFirst("#setting-smtp-password").val()).isEmpty();
    assertThat(document.selectFirst("#setting-smtp-password-entry").text())
        .contains(SettingsService.HIDDEN);

    HttpResponse<String> kept = save(chief, "smtp.password", "");
    assertThat(kept.statusCode()).isEqualTo(303);
    assertThat(stored("smtp.password")).isEqualTo(secret);
    assertThat(chief.page("/newsroom/settings?kept=smtp.password").select("[role=status]").text())
        .contains("smtp.password is left as it was");

    String audit = chief.get("/newsroom/audit?action=setting.set").body();
    assertThat(audit).contains("smtp.password", "(secret)").doesNotContain(secret);

    assertThat(save(chief, "smtp.password", "", Map.of("clear", "yes")).statusCode())
        .isEqualTo(303);
    assertThat(stored("smtp.password")).isEmpty();
  }

  @Test
  void onlyAdministratorsChangeSettingsAndForgedFormsChangeNothing() {
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    Map<String, String> form =
        new LinkedHashMap<>(NewsroomTesting.hiddenFields(chief, "/newsroom/settings"));
    Reader ed = NewsroomTesting.signedIn(site, "ed@harbour.example");
    assertThat(ed.get("/newsroom/settings").statusCode()).isEqualTo(403);
    assertThat(ed.get("/newsroom/trust").statusCode()).isEqualTo(403);
    assertThat(ed.page("/newsroom").select("a[href=/newsroom/settings]")).isEmpty();
    Map<String, String> edForm = new LinkedHashMap<>(NewsroomTesting.hiddenFields(ed, "/newsroom"));
    edForm.put("key", "site.name");
    edForm.put("value", "Taken Over");
    assertThat(ed.post("/newsroom/settings", edForm, Map.of("Origin", site.url(""))).statusCode())
        .isEqualTo(403);
    // The administrator's own token, sent from another site.
    form.put("key", "site.name");
    form.put("value", "Forged Name");
    assertThat(
            chief
                .post("/newsroom/settings", form, Map.of("Origin", "https://evil.example"))
                .statusCode())
        .isEqualTo(403);
    assertThat(stored("site.name")).isEqualTo("Broadsheet");
    assertThat(new Reader(site).get("/newsroom/settings").statusCode()).isEqualTo(303);
    assertThat(chief.page("/newsroom/audit?action=setting.set").text()).doesNotContain("site.name");
  }

  @Test
  void whatTheEnvironmentFixesIsShownAndNotOffered() {
    site.close();
    site =
        TestSite.open(Engine.SQLITE, Map.of("BROADSHEET_SITE_DESCRIPTION", "Fixed by the host."))
            .serve();
    NewsroomTesting.add(site, "chief@harbour.example", "administrator");
    Reader chief = NewsroomTesting.signedIn(site, "chief@harbour.example");
    Document page = chief.page("/newsroom/settings");
    assertThat(page.select("#setting-site-description")).isEmpty();
    assertThat(page.selectFirst("#setting-site-description-entry").text())
        .contains("Fixed by the host.", "BROADSHEET_SITE_DESCRIPTION");

    HttpResponse<String> refused = save(chief, "site.description", "Ours");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(NewsroomTesting.parse(refused).select("[role=alert]").text())
        .contains("set by the environment variable BROADSHEET_SITE_DESCRIPTION");
    assertThat(stored("site.description")).isEqualTo("Fixed by the host.");
  }
}
