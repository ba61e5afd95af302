package org.broadsheet.proofread;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proofreader on a news article written for this test, with seven misspellings planted in the
 * headline, the body, a figure caption, an image title and the lead picture's caption, beside code,
 * addresses and names the newsroom knows. The language model is loaded once for the whole class.
 */
class ProofreaderTest {
  static final String SAMPLE_NAME = "swing-bridge.md";

  /** Each planted misspelling with the line and column where it is written in the sample. */
  static final List<String> PLANTED =
      List.of(
          "2:38 Untill",
          "11:81 Octobr",
          "20:1 enginers",
          "22:98 inspectng",
          "27:60 goverment",
          "33:27 temporarly",
          "38:110 bridg");

  /** The names in the sample that no dictionary of English has. */
  static final List<String> NAMES = List.of("Quellhaven", "Tilsgaard");

  static String sample;

  @BeforeAll
  static void loadModelAndSample() throws IOException {
    try (InputStream in = ProofreaderTest.class.getResourceAsStream(SAMPLE_NAME)) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Once per class: every check below finds the model loaded.
    Proofreader.withoutSite(Map.of()).awaitModel();
  }

  static String sampleCorrected() {
    return sample
        .replace("Untill", "Until")
        .replace("Octobr", "October")
        .replace("enginers", "engineers")
        .replace("inspectng", "inspecting")
        .replace("goverment", "government")
        .replace("temporarly", "temporarily")
        .replace("bridg.", "bridge.");
  }

  private static List<Finding> check(Proofreader proofreader, String text) {
    return switch (proofreader.checkMarkdown(SAMPLE_NAME, text)) {
      case Proofreading.Checked checked -> checked.findings();
      case Proofreading.Refused refused -> throw new AssertionError(refused.reason());
    };
  }

  private static Proofreader withDictionary(String... words) {
    return new Proofreader(
        () -> ProofreadSettings.fromEnvironment(Map.of()),
        () -> java.util.Set.of(words),
        slug -> java.util.Optional.empty());
  }

  @Test
  void findsEveryPlantedMisspellingWhereItIsWritten() {
    List<Finding> findings = check(withDictionary(), sample);

    assertThat(findings)
        .extracting(f -> f.line() + ":" + f.column() + " " + f.text())
        .containsAll(PLANTED);
    assertThat(findings)
        .filteredOn(f -> f.text().equals("goverment"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file()).isEqualTo(SAMPLE_NAME);
              assertThat(f.suggestions()).startsWith("government");
              assertThat(f.rule()).isEqualTo("MORFOLOGIK_RULE_EN_GB");
            });
    // The position is the file's: the word is there, at that line and column.
    String[] lines = sample.split("\n", -1);
    for (Finding finding : findings) {
      assertThat(lines[finding.line() - 1].substring(finding.column() - 1))
          .as(finding.asLine())
          .startsWith(finding.text());
    }
  }

  @Test
  void namesAddedToTheDictionaryLeaveOnlyThePlantedMisspellings() {
    List<Finding> before = check(withDictionary(), sample);
    assertThat(before).extracting(Finding::text).contains("Quellhaven", "Tilsgaard");

    List<Finding> after = check(withDictionary(NAMES.toArray(String[]::new)), sample);

    assertThat(after)
        .extracting(f -> f.line() + ":" + f.column() + " " + f.text())
        .containsExactlyElementsOf(PLANTED);
  }

  @Test
  void aCheckAnsweredFromTheSentenceCacheFindsTheSameAndHearsTheDictionary() {
    List<Finding> first = check(withDictionary(), sample);

    assertThat(check(withDictionary(), sample)).isEqualTo(first);
    assertThat(check(withDictionary(NAMES.toArray(String[]::new)), sample))
        .extracting(f -> f.line() + ":" + f.column() + " " + f.text())
        .containsExactlyElementsOf(PLANTED);
  }

  @Test
  void codeAddressesAndMarkupAreNeverRead() {
    List<Finding> findings = check(withDictionary(NAMES.toArray(String[]::new)), sampleCorrected());

    // The fenced code (tiem, jq), inline code, addresses, link targets, the shortcode's
    // attributes (attr) and the headings' markers are all in the sample, and none is a finding.
    assertThat(findings).isEmpty();
  }

  @Test
  void escapesAndQuotesInFrontMatterKeepPositionsExact() {
    String text =
        """
        ---
        title: "The \\"Harbur\\" Board's Plan"
        kicker: 'It''s Offical'
        standfirst: >
          A folded summary whose second
          line has a mispelling.
        ---
        Body with *emphsis* and a [link tetx](https://example.org/wrongg) and `codde`.
        """;

    List<Finding> findings = check(withDictionary(), text);

    assertThat(findings)
        .extracting(f -> f.line() + ":" + f.column() + " " + f.text())
        .containsExactly(
            "2:15 Harbur", "3:16 Offical", "6:14 mispelling", "8:12 emphsis", "8:33 tetx");
  }

  @Test
  void aFileThatIsNotAMarkdownArticleIsRefusedWithItsLine() {
    Proofreader proofreader = withDictionary();

    assertThat(proofreader.checkMarkdown("a.md", "No front matter here."))
        .isEqualTo(
            new Proofreading.Refused(
                "a.md:1: must start with YAML front matter: a line \"---\", the fields, then"
                    + " \"---\""));
    assertThat(proofreader.checkMarkdown("b.md", "---\ntitle: [unclosed\n---\nBody.\n"))
        .isInstanceOf(Proofreading.Refused.class)
        .extracting(r -> ((Proofreading.Refused) r).reason())
        .asString()
        .startsWith("b.md:")
        .contains("front matter is not valid YAML");
    assertThat(proofreader.checkFile(Path.of("no-such-file.md")))
        .isEqualTo(new Proofreading.Refused("no-such-file.md: does not exist"));
  }

  @Test
  void aLanguageOtherThanEnglishIsRefusedNotMisread() {
    Proofreader german =
        new Proofreader(
            () -> new ProofreadSettings("de", "en-GB", false),
            java.util.Set::of,
            slug -> java.util.Optional.empty());

    assertThat(german.checkMarkdown("a.md", sample))
        .isInstanceOf(Proofreading.Refused.class)
        .extracting(r -> ((Proofreading.Refused) r).reason())
        .asString()
        .contains("English only");
  }

  @Test
  void britishSpellingWithIseIsNotAFinding() {
    String text =
        """
        ---
        title: Organisers Criticised
        ---
        The organisation said it would modernise the harbour and prioritise safety.
        """;

    assertThat(check(withDictionary(), text)).isEmpty();
  }

  @Test
  void plainEnglishFollowsTheEnglishSetting() {
    assertThat(new ProofreadSettings("en", "en-US", true).checkerLanguage()).contains("en-US");
    assertThat(new ProofreadSettings("en-GB", "en-US", true).checkerLanguage()).contains("en-GB");
    assertThat(new ProofreadSettings("en-IE", "en-GB", true).checkerLanguage()).contains("en-GB");
    assertThat(new ProofreadSettings("fr", "en-GB", true).checkerLanguage()).isEmpty();
  }
}
