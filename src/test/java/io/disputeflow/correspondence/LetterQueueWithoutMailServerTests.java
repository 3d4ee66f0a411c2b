package io.disputeflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputeflow.support.ApiTest;
import io.disputeflow.support.Submissions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The default: no spring.mail.host. Letters are rendered and wait in the queue; nothing fails. */
@ApiTest
class LetterQueueWithoutMailServerTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired LetterService letters;
  @Autowired LetterDispatcher dispatcher;

  @Test
  void shouldKeepLettersQueuedWhenNoMailServerIsConfigured() throws Exception {
    // given a complaint taken in
    String created = mvc.perform(post("/api/complaints").with(httpBasic("intake", "demo"))
            .contentType(MediaType.APPLICATION_JSON).content(Submissions.creditCardComplaint("NOMAIL-1")))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    String number = json.readTree(created).get("complaintNumber").asText();

    // when the dispatcher runs
    int sent = dispatcher.dispatchDue();

    // then its acknowledgement waits, untried
    assertThat(dispatcher.isEnabled()).isFalse();
    assertThat(sent).isZero();
    assertThat(letters.lettersOf(number)).singleElement().satisfies(letter -> {
      assertThat(letter.type()).isEqualTo(LetterType.ACKNOWLEDGEMENT);
      assertThat(letter.status()).isEqualTo(LetterStatus.QUEUED);
      assertThat(letter.attempts()).isZero();
      assertThat(letter.language()).isEqualTo("zh-CN");
    });
  }
}
