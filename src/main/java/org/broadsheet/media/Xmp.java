package org.broadsheet.media;

/** The XMP packet of rights written into every served copy. */
final class Xmp {
  private Xmp() {}

  static String of(Rights rights) {
    StringBuilder xml = new StringBuilder();
    xml.append(
        """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" \
        xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">""");
    if (!rights.creator().isBlank()) {
      xml.append("<dc:creator><rdf:Seq><rdf:li>")
          .append(escape(rights.creator()))
          .append("</rdf:li></rdf:Seq></dc:creator>");
    }
    if (!rights.copyright().isBlank()) {
      xml.append("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">")
          .append(escape(rights.copyright()))
          .append("</rdf:li></rdf:Alt></dc:rights>");
    }
    if (!rights.credit().isBlank()) {
      xml.append("<photoshop:Credit>")
          .append(escape(rights.credit()))
          .append("</photoshop:Credit>");
    }
    if (!rights.source().isBlank()) {
      xml.append("<photoshop:Source>")
          .append(escape(rights.source()))
          .append("</photoshop:Source>");
    }
    if (!rights.usageTerms().isBlank()) {
      xml.append("<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang=\"x-default\">")
          .append(escape(rights.usageTerms()))
          .append("</rdf:li></rdf:Alt></xmpRights:UsageTerms>");
    }
    xml.append("</rdf:Description></rdf:RDF></x:xmpmeta>");
    return xml.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
