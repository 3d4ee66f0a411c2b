package io.disputeflow.evidence;

import java.text.Normalizer;

/**
 * A sender's file name made safe to store, show and offer for download: no directories (a browser
 * or client may send {@code C:\Users\…\contract.pdf} or {@code ../../x}), no control characters, none
 * of the characters file systems or a Content-Disposition header treat specially, at most
 * {@link #MAX_LENGTH} characters, and ending in the extension of the type its content was found to be.
 */
final class FileNames {

  static final int MAX_LENGTH = 120;

  private FileNames() {}

  static String sanitize(String original, EvidenceType type) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
        .replaceAll("[<>:\"|?*;\\[\\]()`]", "_")
        .replaceAll("\\s+", " ")
        .strip();
    name = name.replaceAll("^\\.+", "");
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
    boolean fitting = extension.equals(type.extension())
        || type == EvidenceType.JPEG && extension.equals("jpeg");
    // "scan.jpg" holding a PNG keeps what the sender called it: "scan.jpg.png"
    String base = fitting ? name.substring(0, name.lastIndexOf('.')) : name;
    if (base.isBlank()) {
      base = "document";
    }
    String suffix = "." + (fitting ? extension : type.extension());
    if (base.length() + suffix.length() > MAX_LENGTH) {
      base = base.substring(0, MAX_LENGTH - suffix.length()).strip();
    }
    return base + suffix;
  }
}
