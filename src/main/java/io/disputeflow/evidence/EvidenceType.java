package io.disputeflow.evidence;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence accepted, recognised by their first bytes (magic numbers) and never by the
 * name or the Content-Type the sender gives: a program renamed {@code contract.pdf} is refused.
 */
enum EvidenceType {
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String contentType;
  private final String extension;
  private final byte[] magic;

  EvidenceType(String contentType, String extension, byte[] magic) {
    this.contentType = contentType;
    this.extension = extension;
    this.magic = magic;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  static Optional<EvidenceType> of(byte[] content) {
    return Arrays.stream(values()).filter(type -> type.matches(content)).findFirst();
  }

  private boolean matches(byte[] content) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
