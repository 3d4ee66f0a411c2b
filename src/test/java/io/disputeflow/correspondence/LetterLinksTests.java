package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LetterLinksTests {

  private final LetterLinks links = new LetterLinks(null, BankTime.of(ZoneId.of("Asia/Shanghai")));

  @Test
  void shouldShowEachLettersStatusWithItsSentTimeInTheBanksZoneOrItsError() {
    OffsetDateTime sent = OffsetDateTime.parse("2026-03-02T02:15:00Z");
    String text = links.markdown(List.of(
        new Letter(1, LetterType.ACKNOWLEDGEMENT, "zh-CN", "a@example.com", LetterStatus.SENT, 1, null, null, sent,
            "<m>", sent, null),
        new Letter(2, LetterType.DECISION, "zh-CN", "a@example.com", LetterStatus.FAILED, 5,
            "MailConnectException: [host] refused", null, null, null, sent, null)));
    assertThat(text).isEqualTo("""
        - ACKNOWLEDGEMENT · zh-CN · **Sent / 已发送** 2026-03-02 10:15 (Asia/Shanghai)
        - DECISION · zh-CN · **Not delivered / 投递失败** after 5 attempts / 已尝试 5 次: MailConnectException: \\[host\\] refused
        """);
    assertThat(links.markdown(List.of())).isEqualTo("No letters yet / 暂无函件");
  }

  @Test
  void shouldMarkTheRepresentativesCopy() {
    OffsetDateTime queued = OffsetDateTime.parse("2026-03-02T02:15:00Z");
    String text = links.markdown(List.of(
        new Letter(1, LetterType.ACKNOWLEDGEMENT, "zh-CN", null, LetterStatus.PRINT, 0, null, null, null, null, queued,
            null),
        new Letter(2, LetterType.ACKNOWLEDGEMENT, "zh-CN", null, LetterStatus.PRINT, 0, null, null, null, null, queued,
            null, Letter.REPRESENTATIVE)));
    assertThat(text).isEqualTo("""
        - ACKNOWLEDGEMENT · zh-CN · **To print and post / 待打印邮寄**
        - ACKNOWLEDGEMENT (copy for the representative / 代理人副本) · zh-CN · **To print and post / 待打印邮寄**
        """);
  }

  @Test
  void shouldKeepTheListWithinWhatTheEngineStoresShowingTheNewestLetters() {
    List<Letter> many = LongStream.rangeClosed(1, 40).mapToObj(id -> new Letter(id, LetterType.EXTENSION_NOTICE, "en",
        "a@example.com", LetterStatus.QUEUED, 3, "x".repeat(999) + "y", null, null, null, null, null)).toList();
    String text = links.markdown(many);
    assertThat(text.length()).isLessThanOrEqualTo(LetterLinks.MAX_TEXT);
    assertThat(text).startsWith("- … ").contains("earlier letters: see the complaint record")
        .endsWith(" … " + "x".repeat(LetterLinks.MAX_ERROR * 2 / 3 - 4) + "y\n");
  }
}
