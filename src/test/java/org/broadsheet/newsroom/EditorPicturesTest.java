package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.newsroom.EditorTesting.editorForm;
import static org.broadsheet.newsroom.EditorTesting.savedId;
import static org.broadsheet.newsroom.EditorTesting.send;
import static org.broadsheet.newsroom.NewsroomTesting.add;
import static org.broadsheet.newsroom.NewsroomTesting.signedIn;

import java.util.Map;
import org.broadsheet.article.Article;
import org.broadsheet.article.DeskListing;
import org.broadsheet.media.Image;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Stored pictures in the editor: a lead picture with this article's own texts, and figures. */
class EditorPicturesTest {
  @Test
  void aLeadPictureAndAFigureAreChosenByTheirNumbers() {
    try (TestSite site = TestSite.open(Engine.SQLITE).withDemo().serve()) {
      add(site, "ed@harbour.example", "editor");
      Image picture =
          site.application().articles().desk(DeskListing.Query.of(null, 50)).entries().stream()
              .map(e -> site.application().articles().byId(e.id()).orElseThrow())
              .map(Article::leadImage)
              .filter(lead -> lead != null)
              .findFirst()
              .orElseThrow();
      Reader ed = signedIn(site, "ed@harbour.example");
      Map<String, String> form = editorForm(ed, "/newsroom/articles/new");
      form.put("headline", "Pictures From the Regatta");
      form.put("section", "Local");
      form.put("lead-image", Long.toString(picture.id()));
      form.put("lead-alt", "Sails crowding the harbour mouth at the start");
      form.put(
          "body",
          "Before.\n\n{{< figure src=\"picture:"
              + picture.id()
              + "\" alt=\"The start line\" caption=\"At the gun\" >}}\n\nAfter.");
      long id = savedId(send(ed, site, "/newsroom/articles/new", form));

      Article stored = site.application().articles().byId(id).orElseThrow();
      assertThat(stored.leadImage().id()).isEqualTo(picture.id());
      assertThat(stored.leadImage().altText())
          .isEqualTo("Sails crowding the harbour mouth at the start");
      assertThat(stored.figures()).containsKey("picture:" + picture.id());

      Document editor = ed.page("/newsroom/articles/" + id);
      assertThat(editor.select(".editor-lead-picture figcaption").text())
          .contains("Picture " + picture.id());
      // Only this article's own alt text is in the form; the caption stays the picture's own.
      assertThat(editor.select("#editor-lead-alt").attr("value"))
          .isEqualTo("Sails crowding the harbour mouth at the start");
      assertThat(editor.select("#editor-lead-caption").attr("value")).isEmpty();

      Document preview = ed.page("/newsroom/articles/" + id + "/preview");
      assertThat(preview.select("figure img[alt=The start line]")).isNotEmpty();
      assertThat(preview.select("figcaption").text()).contains("At the gun");
    }
  }
}
