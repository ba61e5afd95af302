package org.broadsheet.about;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One of the pages on which a newsroom says how it works, with the setting that holds its Markdown
 * text and the schema.org property of the publisher that names it.
 */
public enum TrustPage {
  PRINCIPLES("principles", "Publishing principles", "publishingPrinciples"),
  CORRECTIONS_POLICY("corrections-policy", "Corrections policy", "correctionsPolicy"),
  ETHICS("ethics", "Ethics policy", "ethicsPolicy"),
  OWNERSHIP("ownership", "Ownership and funding", "ownershipFundingInfo"),
  CONTACT("contact", "Contact the newsroom", "actionableFeedbackPolicy");

  private final String slug;
  private final String title;
  private final String schemaProperty;

  TrustPage(String slug, String title, String schemaProperty) {
    this.slug = slug;
    this.title = title;
    this.schemaProperty = schemaProperty;
  }

  public String path() {
    return "/about/" + slug;
  }

  public String title() {
    return title;
  }

  /** The NewsMediaOrganization property whose value is this page's address. */
  public String schemaProperty() {
    return schemaProperty;
  }

  /** The setting holding the page's Markdown: {@code about.corrections_policy}, … */
  public String settingKey() {
    return "about." + slug.replace('-', '_');
  }

  /** Every trust page's path by its publisher property, in this order. */
  public static Map<String, String> publisherPages() {
    Map<String, String> pages = new LinkedHashMap<>();
    for (TrustPage page : values()) {
      pages.put(page.schemaProperty, page.path());
    }
    return pages;
  }

  static Optional<TrustPage> bySlug(String slug) {
    return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
  }
}
