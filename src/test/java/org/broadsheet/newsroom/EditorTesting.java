package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.broadsheet.testing.Cli;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A browser's way through the editor: its form as shown, changed, and sent from its own page. */
final class EditorTesting {
  private EditorTesting() {}

  /** Adds a person linked to an author page (their byline), with the test password. */
  static void addWriter(TestSite site, String email, String role, String authorSlug) {
    Cli.Run run =
        Cli.withInput(
            NewsroomTesting.PASSWORD + "\n",
            site,
            "users",
            "add",
            email,
            "--name",
            "Pat " + role,
            "--role",
            role,
            "--author",
            authorSlug);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** Every field of the page's editor form as a browser would send it unchanged. */
  static Map<String, String> editorForm(Reader reader, String path) {
    Document page = reader.page(path);
    Element form = page.selectFirst("form.editor-form");
    assertThat(form).as(page.text()).isNotNull();
    return fieldsOf(form);
  }

  static Map<String, String> fieldsOf(Element form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      String type = input.attr("type");
      if (type.equals("checkbox")) {
        if (input.hasAttr("checked")) {
          fields.put(input.attr("name"), input.attr("value"));
        }
      } else {
        fields.put(input.attr("name"), input.attr("value"));
      }
    }
    for (Element area : form.select("textarea[name]")) {
      fields.put(area.attr("name"), area.wholeText().replaceFirst("^\n", ""));
    }
    for (Element select : form.select("select[name]")) {
      Element chosen = select.selectFirst("option[selected]");
      if (chosen == null) {
        chosen = select.selectFirst("option");
      }
      fields.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
    }
    return fields;
  }

  /** Sends the form to this path from this site's page, as a browser would. */
  static HttpResponse<String> send(
      Reader reader, TestSite site, String path, Map<String, String> form) {
    return reader.post(path, form, Map.of("Origin", site.url("")));
  }

  /** The new article's number from the answer to saving it. */
  static long savedId(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/newsroom/articles/\\d+(\\?done=saved|/preview)");
    return Long.parseLong(location.replaceAll("\\D", ""));
  }
}
