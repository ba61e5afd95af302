package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.CommentTesting.ARTICLE;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.Reader;
import org.broadsheet.testing.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Throws hostile text at every field of the comment form and checks that nothing executable reaches
 * any page: no scripts, no event handlers, no javascript: or data: links, no frames.
 */
@ParameterizedClass
@MethodSource("org.broadsheet.testing.TestSite#engines")
class HostileInputTest {
  private static final String[] PAYLOADS = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](https://tracker.example/pixel.gif)",
    "<https://example.org/\"onmouseover=\"alert(1)>",
    "[x](https://example.org/\"onmouseover=\"alert(1))",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\">",
    "<form action=https://evil.example><input name=q></form>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://example.org/<script>",
    "https://example.org/\" onclick=\"alert(1)",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "> <script>alert(1)</script>",
    "*<img src=x onerror=alert(1)>*",
    "\u202Egnp.exe",
    "\u0000null\u0000byte",
    "line\r\nbreak\rcarriage",
    "\uFEFFbom",
    "not\uFFFExml\uFFFFsafe",
    "zero\u200Bwidth",
    "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
    "'; DROP TABLE comment; --",
    "\" OR \"1\"=\"1",
    "../../../../etc/passwd",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<IMG SRC=\"jav\tascript:alert(1);\">",
    "<IMG SRC=\" &#14;  javascript:alert(1);\">",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "\uD83D\uDE00 emoji and \u0645\u0631\u062D\u0628\u0627 and \u4F60\u597D",
    "x".repeat(6000),
    "word ".repeat(3000),
    "https://example.org/".repeat(20),
    "[a](https://a.example) [b](https://b.example) [c](https://c.example) [d](https://d.example)",
  };

  @Parameter Engine engine;
  private TestSite site;

  @BeforeEach
  void open() {
    site = CommentTesting.siteWithArticle(engine);
    site.application().settings().set("comments.moderation", "none");
    site.application().settings().set("comments.rate_per_ip_per_hour", "100000");
    site.application().settings().set("comments.rate_per_email_per_hour", "100000");
  }

  @AfterEach
  void close() {
    site.close();
  }

  static void assertNothingExecutable(String html, String context) {
    Document page = Jsoup.parse(html);
    // The site's own search box, in the masthead of every page, is the one form besides the
    // comment form; a form anywhere else came from the input.
    page.select("body > header.masthead > form.site-search").remove();
    // Besides the site's own script under /assets, the page's structured data is the one script:
    // a JSON-LD data block in the head, which no browser runs; input in it is escaped
    // (StructuredDataTest), so none can end it early.
    var structuredData = page.select("head > script[type=application/ld+json]");
    assertThat(structuredData.size()).as("JSON-LD blocks after " + context).isLessThanOrEqualTo(1);
    structuredData.remove();
    assertThat(
            page.select(
                "script:not([src^=/assets/]), iframe, object, embed, svg, math, style, base, meta[http-equiv], form:not(.comment-form), link[rel=stylesheet]:not([href^=/assets/])"))
        .as("dangerous elements after " + context)
        .isEmpty();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase();
        String value = attribute.getValue().toLowerCase().replaceAll("\\s", "");
        assertThat(name).as("event handler after " + context).doesNotStartWith("on");
        if (name.equals("href")
            || name.equals("src")
            || name.equals("action")
            || name.equals("style")) {
          assertThat(value)
              .as(name + " after " + context)
              .doesNotContain("javascript:", "vbscript:", "data:");
        }
        if (name.equals("src")) {
          assertThat(value).as("third-party picture after " + context).startsWith("/");
        }
      }
    }
  }

  @Test
  void hostileTextInAnyFieldLeavesNothingExecutableOrBroken() {
    // Every hostile comment on one page, to be checked at once.
    site.application().settings().set("comments.per_page", "1000");
    Reader reader = new Reader(site);
    int posted = 0;
    List<String> fields = List.of("name", "email", "website", "comment");
    for (String payload : PAYLOADS) {
      for (String field : fields) {
        Map<String, String> form =
            new HashMap<>(
                CommentTesting.fields(
                    "Hostile Tester",
                    "hostile" + posted + "@example.org",
                    "Hostile test " + posted));
        form.put(field, payload);
        HttpResponse<String> response = reader.comment(ARTICLE, form);
        String context = field + " = " + payload.substring(0, Math.min(40, payload.length()));
        assertThat(response.statusCode()).as(context).isIn(303, 422);
        if (response.statusCode() == 422) {
          assertNothingExecutable(response.body(), "refusal of " + context);
          Element kept = Jsoup.parse(response.body()).selectFirst("[name=" + field + "]");
          String shown = field.equals("comment") ? kept.wholeText() : kept.val();
          assertThat(shown).as("kept " + context).isEqualTo(payload.replace("\u0000", ""));
        }
        posted++;
      }
    }
    assertThat(posted).isGreaterThanOrEqualTo(250);
    HttpResponse<String> article = reader.get(ARTICLE);
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(article.body()).select("li.comment")).hasSizeGreaterThan(50);
    assertNothingExecutable(article.body(), "all hostile comments");
    for (String path :
        List.of(
            "/",
            "/section/politics",
            "/tag/harbour",
            "/author/ada-quill",
            ARTICLE + "/comments.atom",
            "/comments.atom")) {
      HttpResponse<String> page = reader.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      if (!path.endsWith(".atom")) {
        assertNothingExecutable(page.body(), path);
      }
    }
  }

  @Test
  void brokenUtf8AndHugeFormsGetAClearAnswerNotAnError() {
    Reader reader = new Reader(site);
    Document page = reader.page(ARTICLE);
    String shown = page.selectFirst("input[name=shown]").val();
    String broken =
        "shown="
            + shown
            + "&name=Broken%C3%28Bytes&email=broken%40example.org&comment=Bad+%FF%FE+bytes+%C3%28";
    HttpResponse<String> response =
        reader.send(
            HttpRequest.newBuilder(URI.create(site.url(ARTICLE + "/comments")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", site.url(""))
                .POST(HttpRequest.BodyPublishers.ofString(broken))
                .build());
    assertThat(response.statusCode()).isIn(303, 400, 422);
    assertNothingExecutable(response.body(), "broken UTF-8");
    assertThat(reader.get(ARTICLE).statusCode()).isEqualTo(200);

    Map<String, String> huge =
        new HashMap<>(CommentTesting.fields("Huge", "huge@example.org", "y".repeat(3_000_000)));
    HttpResponse<String> tooBig = reader.comment(ARTICLE, huge);
    assertThat(tooBig.statusCode()).isIn(413, 422);
    assertThat(tooBig.body()).doesNotContain("Exception", "at org.", "at io.");
    assertThat(reader.get(ARTICLE).statusCode()).isEqualTo(200);
  }
}
