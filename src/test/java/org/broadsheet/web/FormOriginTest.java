package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormOriginTest {
  private static final String BASE = "https://news.example.org";

  private static boolean sent(String fetchSite, String origin, String referer) {
    return FormOrigin.fromThisSite(fetchSite, origin, referer, "127.0.0.1:8080", BASE);
  }

  @Test
  void aFormFromThisSitesPagesIsAccepted() {
    assertThat(sent("same-origin", "http://127.0.0.1:8080", null)).isTrue();
    assertThat(sent(null, "https://news.example.org", null)).isTrue();
    assertThat(sent(null, null, "https://NEWS.example.org/articles/harbour-vote")).isTrue();
  }

  @Test
  void aFormFromElsewhereOrFromNowhereIsRefused() {
    assertThat(sent("cross-site", "https://news.example.org", null)).isFalse();
    assertThat(sent(null, "https://elsewhere.example", null)).isFalse();
    assertThat(sent(null, "null", "https://news.example.org/")).isFalse();
    assertThat(sent(null, null, null)).isFalse();
    assertThat(sent(null, "not a url at all", null)).isFalse();
  }
}
