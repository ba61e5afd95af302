package org.broadsheet.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** The precompiled jte templates; rendering gives UTF-8 bytes ready to send. */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** A template to place inside another template, rendered when the outer one is. */
  public gg.jte.Content content(String template, Object model) {
    return output -> engine.render(template, model, output);
  }

  public byte[] render(String template, Object model) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, model, output);
    return output.toByteArray();
  }
}
