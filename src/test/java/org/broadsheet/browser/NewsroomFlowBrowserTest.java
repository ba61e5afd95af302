package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.NodeTools;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsroom from the first administrator to a reader's approved comment, each person in a
 * browser of their own and every step through the pages' own forms: the administrator made on the
 * command line adds a reporter and an editor; the reporter writes an article and submits it; the
 * editor previews it, publishes it and pins it as the lead; a reader finds it on the front page and
 * comments; the editor approves the held comment from the queue. Each desk page passes axe-core the
 * first time the flow reaches it.
 */
@Tag("browser")
class NewsroomFlowBrowserTest {
  private static final String HEADLINE = "Night Buses Return to the Harbour Line";
  private static final String STANDFIRST =
      "The late service stopped in the spring; the council restores it from Monday.";
  private static final String BODY =
      "Three buses an hour will run after midnight between the station and the harbour.";
  private static final String COMMENT = "Will the last bus still wait for the late ferry?";

  private final List<ChromeDriver> browsers = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String axe;

  @Test
  void aStoryGoesFromTheReporterToTheFrontPageAndItsCommentThroughTheQueue() throws Exception {
    axe = Files.readString(NodeTools.axe());
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      Cli.Run added =
          Cli.withInput(
              "a long enough password\n",
              site,
              "users",
              "add",
              "chief@example.org",
              "--name",
              "Mira Chief",
              "--role",
              "administrator");
      assertThat(added.exitCode()).as(added.err()).isZero();
      // The comment form refuses a post sent sooner than this after the page was shown.
      Duration leastFillTime =
          Duration.ofSeconds(site.application().settings().getInt("comments.min_fill_seconds"));
      try {
        ChromeDriver chief = signIn(site, "chief@example.org", "a long enough password");
        check(chief, "the administrator's dashboard");
        chief.findElement(By.linkText("People")).click();
        Chromium.arrivesAt(chief, "/newsroom/users");
        check(chief, "people");
        String reporterPassword = addPerson(chief, "ravi@example.org", "Ravi Reed", "reporter");
        String editorPassword = addPerson(chief, "edda@example.org", "Edda Lind", "editor");
        assertThat(chief.findElement(By.cssSelector("table.people")).getText())
            .contains("Ravi Reed", "ravi@example.org", "Edda Lind", "edda@example.org");
        quit(chief);

        ChromeDriver reporter = signIn(site, "ravi@example.org", reporterPassword);
        assertThat(reporter.findElement(By.tagName("main")).getText())
            .contains("Signed in as Ravi Reed")
            .doesNotContain("Front page: lead and top stories");
        check(reporter, "the reporter's dashboard");
        reporter.findElement(By.linkText("Write a new article")).click();
        Chromium.arrivesAt(reporter, "/newsroom/articles/new");
        check(reporter, "the new article's editor");
        reporter.findElement(By.id("editor-headline")).sendKeys(HEADLINE);
        reporter.findElement(By.id("editor-standfirst")).sendKeys(STANDFIRST);
        reporter.findElement(By.id("editor-body")).sendKeys(BODY);
        reporter.findElement(By.id("editor-section")).sendKeys("Local");
        reporter.findElement(By.id("editor-authors")).sendKeys("Ravi Reed");
        reporter.findElement(By.cssSelector("form.editor-form button.submit")).click();
        Chromium.arrivesAtAddressWith(reporter, "?done=saved");
        String editorPath = reporter.getCurrentUrl().replaceAll("^https?://[^/]+|\\?.*$", "");
        assertThat(reporter.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Saved.");
        check(reporter, "the saved draft's editor");
        String articlePath =
            "/articles/" + reporter.findElement(By.id("editor-slug")).getAttribute("value");
        assertThat(workflowButtons(reporter))
            .contains("Submit for review")
            .doesNotContain("Publish now", "Schedule");
        workflowButton(reporter, "Submit for review").click();
        Chromium.arrivesAt(reporter, editorPath + "?done=in-review");
        assertThat(reporter.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Done: the article is now in review.");
        assertThat(reporter.findElement(By.cssSelector(".newsroom-status strong")).getText())
            .containsIgnoringCase("review");
        assertThat(workflowButtons(reporter)).doesNotContain("Publish now", "Schedule");
        quit(reporter);

        ChromeDriver reader = start();
        reader.get(site.url(articlePath));
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(site.get(articlePath).statusCode()).isEqualTo(404);
        reader.get(site.url("/"));
        assertThat(reader.findElement(By.cssSelector(".lead-headline")).getText())
            .isNotEqualTo(HEADLINE);

        ChromeDriver editor = signIn(site, "edda@example.org", editorPassword);
        check(editor, "the editor's dashboard");
        editor
            .findElement(By.id("shelf-waiting-for-review"))
            .findElement(By.linkText(HEADLINE))
            .click();
        Chromium.arrivesAt(editor, editorPath);
        editor.findElement(By.linkText("Preview as readers will see it")).click();
        Chromium.arrivesAt(editor, editorPath + "/preview");
        assertThat(editor.findElement(By.tagName("h1")).getText()).isEqualTo(HEADLINE);
        assertThat(editor.findElement(By.tagName("main")).getText()).contains(STANDFIRST, BODY);
        check(editor, "the preview");
        editor.navigate().back();
        Chromium.arrivesAt(editor, editorPath);
        workflowButton(editor, "Publish now").click();
        Chromium.arrivesAt(editor, editorPath + "?done=published");
        assertThat(editor.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Done: the article is now published.");
        assertThat(editor.findElement(By.linkText("The public page")).getAttribute("pathname"))
            .isEqualTo(articlePath);

        editor.get(site.url("/newsroom"));
        editor.findElement(By.linkText("Front page: lead and top stories")).click();
        Chromium.arrivesAt(editor, "/newsroom/front");
        check(editor, "front page curation");
        WebElement pin =
            editor.findElement(
                By.cssSelector("button[aria-label='Pin as lead: " + HEADLINE + "']"));
        pin.click();
        Chromium.awaitReplaced(editor, pin);
        assertThat(editor.findElement(By.cssSelector("[role=status]")).getText())
            .isEqualTo("Pinned as the lead story.");

        reader.get(site.url("/"));
        WebElement lead = reader.findElement(By.cssSelector(".lead-headline a"));
        assertThat(lead.getText()).isEqualTo(HEADLINE);
        lead.click();
        Chromium.arrivesAt(reader, articlePath);
        long shown = System.nanoTime();
        assertThat(reader.findElement(By.tagName("h1")).getText()).isEqualTo(HEADLINE);
        assertThat(site.get(articlePath).statusCode()).isEqualTo(200);
        check(reader, "the published article");
        reader.findElement(By.id("comment-body")).sendKeys(COMMENT);
        reader.findElement(By.id("comment-name")).sendKeys("Tove Berg");
        reader.findElement(By.id("comment-email")).sendKeys("tove@example.org");
        Thread.sleep(
            Math.max(0, leastFillTime.plusMillis(200).toNanos() - (System.nanoTime() - shown))
                / 1_000_000);
        reader.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();
        assertThat(reader.findElement(By.cssSelector("li.comment.awaiting")).getText())
            .contains("awaiting moderation", COMMENT);

        editor.get(site.url("/newsroom"));
        editor.findElement(By.partialLinkText("1 comment waits for moderation")).click();
        Chromium.arrivesAt(editor, "/newsroom/comments?list=held");
        check(editor, "the comment queue");
        WebElement held =
            editor.findElements(By.cssSelector(".queue-item")).stream()
                .filter(item -> item.getText().contains(COMMENT))
                .findFirst()
                .orElseThrow();
        assertThat(held.getText()).contains("Tove Berg", HEADLINE);
        held.findElement(By.cssSelector("button[value^='approve:']")).click();
        Chromium.arrivesAtAddressWith(editor, "done=approve");
        assertThat(editor.findElement(By.cssSelector("[role=status]")).getText())
            .contains("1 comment approved");

        // Without the cookie that shows a writer their own held comment: as any reader sees it.
        reader.manage().deleteAllCookies();
        reader.navigate().refresh();
        assertThat(reader.findElement(By.id("comments-heading")).getText())
            .startsWith("1 comment on");
        assertThat(reader.findElement(By.cssSelector("li.comment")).getText())
            .contains("Tove Berg", COMMENT)
            .doesNotContain("awaiting moderation");

        assertThat(problems).as("axe-core violations").isEmpty();
      } finally {
        browsers.forEach(ChromeDriver::quit);
      }
    }
  }

  private ChromeDriver start() {
    ChromeDriver browser = Chromium.start();
    browsers.add(browser);
    return browser;
  }

  private void quit(ChromeDriver browser) {
    browsers.remove(browser);
    browser.quit();
  }

  /** A fresh browser, signed in from the newsroom's door, at the dashboard. */
  private ChromeDriver signIn(TestSite site, String email, String password) {
    ChromeDriver browser = start();
    browser.get(site.url("/newsroom"));
    browser.findElement(By.id("sign-in-email")).sendKeys(email);
    browser.findElement(By.id("sign-in-password")).sendKeys(password);
    browser.findElement(By.cssSelector("form.newsroom-form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlToBe(site.url("/newsroom")));
    return browser;
  }

  /** Adds a person on the people page and returns the password shown once. */
  private static String addPerson(ChromeDriver browser, String email, String name, String role) {
    browser.findElement(By.id("person-email")).sendKeys(email);
    browser.findElement(By.id("person-name")).sendKeys(name);
    new Select(browser.findElement(By.id("person-role"))).selectByValue(role);
    WebElement add =
        browser.findElement(By.cssSelector("form[action='/newsroom/users'] button[type=submit]"));
    add.click();
    Chromium.awaitReplaced(browser, add);
    WebElement shown = browser.findElement(By.cssSelector(".new-password"));
    assertThat(shown.getText()).contains(email);
    return shown.findElement(By.tagName("code")).getText();
  }

  private static List<String> workflowButtons(ChromeDriver browser) {
    return browser.findElements(By.cssSelector(".editor-moves button")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static WebElement workflowButton(ChromeDriver browser, String label) {
    return browser.findElements(By.cssSelector(".editor-moves button")).stream()
        .filter(button -> button.getText().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label));
  }

  private void check(ChromeDriver browser, String page) {
    List<String> violations = Chromium.axeViolations(browser, axe);
    violations.forEach(v -> problems.add(page + ": " + v));
  }
}
