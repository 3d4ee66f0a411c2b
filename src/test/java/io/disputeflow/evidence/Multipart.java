package io.disputeflow.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A multipart/form-data body with one file part, as a browser or a channel system sends it. */
record Multipart(String contentType, byte[] body) {

  static Multipart file(String part, String fileName, String declaredType, byte[] content) {
    String boundary = "----evidence" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** A small real PDF (what a scanned contract starts with); {@code size} pads it with a comment. */
  static byte[] pdf(int size) {
    byte[] head = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] pdf = new byte[Math.max(size, head.length)];
    System.arraycopy(head, 0, pdf, 0, head.length);
    for (int i = head.length; i < pdf.length; i++) {
      pdf[i] = (byte) (i == head.length ? '%' : 'x');
    }
    return pdf;
  }

  /** The first bytes of a Windows program ("MZ", DOS stub): what an .exe renamed to .pdf holds. */
  static byte[] exe() {
    byte[] exe = new byte[2048];
    exe[0] = 'M';
    exe[1] = 'Z';
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, exe, 78, stub.length);
    return exe;
  }
}
