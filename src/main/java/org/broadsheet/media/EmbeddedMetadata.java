package org.broadsheet.media;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * What a picture file says of itself, read with metadata-extractor: its EXIF orientation, and the
 * rights and caption a photographer or agency wrote in IPTC or XMP (used to prefill a picture's
 * rights when the import does not give them). Nothing else of it is kept or served.
 */
record EmbeddedMetadata(
    int orientation, String creator, String credit, String copyright, String caption) {
  static final EmbeddedMetadata NONE = new EmbeddedMetadata(1, "", "", "", "");

  private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";

  static EmbeddedMetadata of(byte[] bytes) {
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      return NONE;
    }
    int orientation = 1;
    ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
      Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
      orientation = value != null && value >= 1 && value <= 8 ? value : 1;
    }
    IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
    XmpDirectory xmpDirectory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    XMPMeta xmp = xmpDirectory == null ? null : xmpDirectory.getXMPMeta();
    String creator =
        first(
            text(iptc, IptcDirectory.TAG_BY_LINE),
            xmpItem(xmp, XMPConst.NS_DC, "creator"),
            text(exif, ExifIFD0Directory.TAG_ARTIST));
    String credit =
        first(text(iptc, IptcDirectory.TAG_CREDIT), xmpProperty(xmp, PHOTOSHOP, "Credit"));
    String copyright =
        first(
            text(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE),
            xmpText(xmp, XMPConst.NS_DC, "rights"),
            text(exif, ExifIFD0Directory.TAG_COPYRIGHT));
    String caption =
        first(text(iptc, IptcDirectory.TAG_CAPTION), xmpText(xmp, XMPConst.NS_DC, "description"));
    return new EmbeddedMetadata(orientation, creator, credit, copyright, caption);
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }

  private static String text(Directory directory, int tag) {
    return directory == null ? null : directory.getString(tag);
  }

  private static String xmpItem(XMPMeta xmp, String ns, String name) {
    try {
      XMPProperty item = xmp == null ? null : xmp.getArrayItem(ns, name, 1);
      return item == null ? null : item.getValue();
    } catch (XMPException e) {
      return null;
    }
  }

  private static String xmpText(XMPMeta xmp, String ns, String name) {
    try {
      XMPProperty text = xmp == null ? null : xmp.getLocalizedText(ns, name, null, "x-default");
      return text == null ? null : text.getValue();
    } catch (XMPException e) {
      return null;
    }
  }

  private static String xmpProperty(XMPMeta xmp, String ns, String name) {
    try {
      return xmp == null ? null : xmp.getPropertyString(ns, name);
    } catch (XMPException e) {
      return null;
    }
  }
}
