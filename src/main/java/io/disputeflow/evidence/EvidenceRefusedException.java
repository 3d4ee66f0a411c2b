package io.disputeflow.evidence;

import org.springframework.http.HttpStatus;

/** An upload refused as it is: nothing was stored. Each kind answers its own status. */
abstract class EvidenceRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  EvidenceRefusedException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }

  static final class TooLarge extends EvidenceRefusedException {
    TooLarge(long size, long max) {
      super(HttpStatus.PAYLOAD_TOO_LARGE, "Document too large",
          "The document has " + size + " bytes; at most " + max + " are accepted");
    }
  }

  static final class UnsupportedType extends EvidenceRefusedException {
    UnsupportedType() {
      super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported document type",
          "The document's content is not a PDF, JPEG or PNG file (its name and declared type are not trusted)");
    }
  }

  static final class Empty extends EvidenceRefusedException {
    Empty() {
      super(HttpStatus.BAD_REQUEST, "Invalid request", "file is empty");
    }
  }

  static final class TooMany extends EvidenceRefusedException {
    TooMany(String complaintNumber, int max) {
      super(HttpStatus.CONFLICT, "Too many documents",
          "Complaint " + complaintNumber + " already has " + max + " documents, the most a case may hold");
    }
  }
}
