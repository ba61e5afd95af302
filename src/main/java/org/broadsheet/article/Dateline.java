package org.broadsheet.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a page writes times and counts: in the site's time zone, named ("26 November 2026, 14:05
 * UTC"), in newsroom style.
 */
public record Dateline(ZoneId zone) {
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

  public String text(Instant instant) {
    return TEXT.format(instant.atZone(zone));
  }

  public String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
  }

  public String comments(int count) {
    return switch (count) {
      case 0 -> "No comments";
      case 1 -> "1 comment";
      default -> "%,d comments".formatted(count);
    };
  }
}
