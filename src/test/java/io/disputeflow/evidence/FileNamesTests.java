package io.disputeflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

  @Test
  void shouldKeepOnlyTheNameWithoutPathsControlCharactersOrSpecialCharacters() {
    assertThat(FileNames.sanitize("../../etc/passwd.pdf", EvidenceType.PDF)).isEqualTo("passwd.pdf");
    assertThat(FileNames.sanitize("C:\\Users\\王\\Desktop\\合同.PDF", EvidenceType.PDF)).isEqualTo("合同.pdf");
    assertThat(FileNames.sanitize("a\r\nContent-Type: x\u0000\u202e.pdf", EvidenceType.PDF))
        .isEqualTo("aContent-Type_ x.pdf");
    assertThat(FileNames.sanitize("\"quoted\"; name=[x].jpeg", EvidenceType.JPEG)).isEqualTo("_quoted__ name=_x_.jpeg");
  }

  @Test
  void shouldNameTheTypeTheContentWasFoundToBe() {
    assertThat(FileNames.sanitize("scan.jpg", EvidenceType.PNG)).isEqualTo("scan.jpg.png");
    assertThat(FileNames.sanitize("statement", EvidenceType.PDF)).isEqualTo("statement.pdf");
    assertThat(FileNames.sanitize(".hidden.pdf", EvidenceType.PDF)).isEqualTo("hidden.pdf");
    assertThat(FileNames.sanitize("", EvidenceType.JPEG)).isEqualTo("document.jpg");
    assertThat(FileNames.sanitize(null, EvidenceType.PNG)).isEqualTo("document.png");
    assertThat(FileNames.sanitize("x".repeat(300) + ".pdf", EvidenceType.PDF)).hasSize(FileNames.MAX_LENGTH)
        .endsWith("x.pdf");
  }

  @Test
  void shouldRecogniseTheTypesByTheirFirstBytesOnly() {
    assertThat(EvidenceType.of(Multipart.pdf(100))).contains(EvidenceType.PDF);
    assertThat(EvidenceType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(EvidenceType.JPEG);
    assertThat(EvidenceType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(EvidenceType.PNG);
    assertThat(EvidenceType.of(Multipart.exe())).isEmpty();
    assertThat(EvidenceType.of(new byte[] {'%', 'P'})).isEmpty();
    assertThat(EvidenceType.of("<html>%PDF-".getBytes())).isEmpty();
  }
}
