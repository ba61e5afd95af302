package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.broadsheet.storage.Engine;
import org.broadsheet.testing.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Links as they are really shared (with tracking parameters, odd spellings, made-up page numbers)
 * are answered from the cache or redirected, and never fill it.
 */
class SharedLinksTest {
  private static final String ARTICLE = "/articles/lower-quay-evacuation-agreement";
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.open(Engine.SQLITE).withDemo();
    site.application().settings().set("web.tracking_parameters", "campaign_ref, nl_*");
    site.serve();
    assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static void assertFromCache(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("x-cache")).as(path).hasValue("HIT");
  }

  @Test
  void trackingAndUnknownParametersAreServedTheCleanPageFromTheCache() {
    site.get(ARTICLE);
    assertFromCache(ARTICLE + "?fbclid=IwAR0abc");
    assertFromCache(ARTICLE + "?utm_source=twitter&utm_medium=social&utm_campaign=flood");
    assertFromCache(ARTICLE + "?gclid=x&msclkid=y&mc_cid=1&mc_eid=2&_ga=3&igshid=4&ref_src=5");
    assertFromCache(ARTICLE + "?anything=else");
    assertFromCache(ARTICLE + "?page=1");
    assertFromCache(ARTICLE + "?campaign_ref=x&nl_issue=7");
  }

  @Test
  void nonCanonicalPathsAnswerA301ToTheCanonicalOneWithoutTrackingParameters() {
    assertRedirect("/articles/%6cower-quay-evacuation-agreement", ARTICLE);
    assertRedirect(ARTICLE + "/", ARTICLE);
    assertRedirect("/Articles/Lower-Quay-Evacuation-Agreement", ARTICLE);
    assertRedirect("//articles//lower-quay-evacuation-agreement", ARTICLE);
    assertRedirect("/section/world/?page=2&utm_source=x", "/section/world?page=2");
    assertRedirect(ARTICLE + "/?nl_issue=3&campaign_ref=1", ARTICLE);
  }

  private static void assertRedirect(String path, String location) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(301);
    assertThat(response.headers().firstValue("location")).as(path).hasValue(location);
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
  }

  @Test
  void pagesBeyondTheLastAreNotFoundAndNeverCached() {
    assertThat(site.get("/section/world?page=999999").statusCode()).isEqualTo(404);
    assertThat(site.get("/section/world?page=abc").statusCode()).isEqualTo(404);
    assertThat(site.get(ARTICLE + "?page=2").statusCode()).isEqualTo(404);
    assertThat(site.get("/?page=2").statusCode()).isEqualTo(404);
    assertThat(site.get(ARTICLE + "?page=2").headers().firstValue("x-cache")).isEmpty();
  }

  @Test
  void aFloodOfMadeUpAddressesDoesNotEvictTheHotPages() {
    for (int i = 0; i < 20; i++) {
      site.get("/");
      site.get(ARTICLE);
    }
    for (int i = 0; i < 2_000; i++) {
      site.get(ARTICLE + "?x=" + i);
      site.get("/articles/%6cower-quay-evacuation-agreement?n=" + i);
      site.get("/articles/no-such-story-" + i);
    }
    assertFromCache("/");
    assertFromCache(ARTICLE);
  }

  @Test
  void aCacheableAnswerNeverCarriesACookie() {
    site.get("/section/business");
    for (String path : new String[] {ARTICLE, "/", "/section/business", ARTICLE + "?x=1"}) {
      HttpResponse<String> response = site.get(path);
      assertThat(response.headers().firstValue("cache-control").orElse(""))
          .as(path)
          .contains("public");
      assertThat(response.headers().allValues("set-cookie")).as(path).isEmpty();
      assertThat(response.headers().firstValue("expires")).as(path).isEmpty();
    }
    HttpResponse<String> firstRender = site.get("/tag/kestrelmouth");
    assertThat(firstRender.headers().firstValue("x-cache")).hasValue("MISS");
    assertThat(firstRender.headers().allValues("set-cookie")).isEmpty();
  }

  @Test
  void aReplyFormIsRenderedForItsReaderAndNotShared() {
    HttpResponse<String> reply = site.get(ARTICLE + "?replyto=1");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("cache-control")).hasValue("private, no-store");
    assertThat(reply.headers().firstValue("x-cache")).isEmpty();
  }
}
