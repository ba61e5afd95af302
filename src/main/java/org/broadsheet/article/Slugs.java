package org.broadsheet.article;

import java.text.Normalizer;
import java.util.Locale;

/** URL names made from newsroom words: "Côte d'Ivoire" becomes "cote-d-ivoire". */
public final class Slugs {
  private Slugs() {}

  public static String of(String words) {
    String ascii = Normalizer.normalize(words, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
  }

  public static boolean isValid(String slug) {
    return slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && slug.length() <= 160;
  }
}
