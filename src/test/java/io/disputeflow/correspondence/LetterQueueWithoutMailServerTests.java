package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.intake.ComplaintSubmission;
import io.disputeflow.intake.IntakeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The default: no spring.mail.host. Letters are rendered and wait in the queue; nothing fails. */
@SpringBootTest
@ActiveProfiles("test")
class LetterQueueWithoutMailServerTests {

  @Autowired IntakeService intake;
  @Autowired LetterService letters;
  @Autowired LetterDispatcher dispatcher;

  @Test
  void shouldKeepLettersQueuedWhenNoMailServerIsConfigured() {
    // given
    String number = intake.submit(new ComplaintSubmission(Channel.BRANCH, "BR-MAIL-1", null,
            new ComplaintSubmission.Customer(null, "李明", "13800138000", "li.ming@example.cn", null, null, null),
            Product.DEPOSIT_ACCOUNT, "存款利息计算错误", "利息少算了", null, null))
        .complaint().complaintNumber();

    // when
    int sent = dispatcher.dispatchDue();

    // then
    assertThat(dispatcher.isEnabled()).isFalse();
    assertThat(sent).isZero();
    assertThat(letters.lettersOf(number)).singleElement().satisfies(letter -> {
      assertThat(letter.status()).isEqualTo(LetterStatus.QUEUED);
      assertThat(letter.attempts()).isZero();
      assertThat(letter.language()).isEqualTo("zh-CN");
    });
  }
}
