package org.broadsheet.search;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * The languages the index can stem and strip of stop words; any other language is searched with
 * Lucene's StandardAnalyzer (words lower-cased, no stemming, no stop list).
 */
final class SearchLanguage {
  static final String STANDARD = "standard";
  static final List<String> CODES =
      List.of("en", "da", "de", "es", "fi", "fr", "it", "nl", "no", "pt", "sv", STANDARD);

  private SearchLanguage() {}

  /** The code for a BCP 47 tag such as en-GB or nb: its language, or "standard". */
  static String forTag(String tag) {
    String language = tag.toLowerCase(Locale.ROOT).split("-")[0];
    if (language.equals("nb") || language.equals("nn")) {
      language = "no";
    }
    return CODES.contains(language) ? language : STANDARD;
  }

  static Analyzer analyzer(String code) {
    return switch (code) {
      case "en" -> new EnglishAnalyzer();
      case "da" -> new DanishAnalyzer();
      case "de" -> new GermanAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "fi" -> new FinnishAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "it" -> new ItalianAnalyzer();
      case "nl" -> new DutchAnalyzer();
      case "no" -> new NorwegianAnalyzer();
      case "pt" -> new PortugueseAnalyzer();
      case "sv" -> new SwedishAnalyzer();
      default -> new StandardAnalyzer();
    };
  }
}
