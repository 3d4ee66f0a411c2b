package io.disputeflow.correspondence;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case's letters as the task forms show them ({@link #LETTERS_TEXT}): a Markdown list with each
 * letter's type, language, status and sent time or last error. Tasks get it when created
 * (tasklist/DescribeTaskListener); a change of a letter's status refreshes it on the case's open
 * tasks ({@link OpenTaskLetters}). No link to the letter's text: the complaint record's API has it,
 * and Tasklist's session opens no page of ours for letters. Needs no engine service, so the
 * engine's own listeners may use it.
 */
@Component
public class LetterLinks {

  /** The task-local display variable every case's task form shows. */
  public static final String LETTERS_TEXT = "lettersText";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LetterRepository repository;
  private final ZoneId zone;

  LetterLinks(LetterRepository repository, @Value("${disputeflow.zone}") ZoneId zone) {
    this.repository = repository;
    this.zone = zone;
  }

  /** The list for a task of this case, as of now. */
  public String textFor(String complaintNumber) {
    return markdown(repository.lettersOf(complaintNumber));
  }

  String markdown(List<Letter> letters) {
    if (letters.isEmpty()) {
      return "No letters yet / 暂无函件";
    }
    StringBuilder text = new StringBuilder();
    for (Letter letter : letters) {
      text.append("- ").append(letter.type()).append(" · ").append(letter.language()).append(" · **")
          .append(label(letter.status())).append("**");
      switch (letter.status()) {
        case SENT -> text.append(" ").append(time(letter.sentAt()));
        case FAILED -> text.append(" after ").append(letter.attempts()).append(" attempts / 已尝试 ")
            .append(letter.attempts()).append(" 次: ").append(escape(letter.lastError()));
        case QUEUED -> {
          if (letter.lastError() != null) {
            text.append(", attempt ").append(letter.attempts()).append(" failed / 第 ").append(letter.attempts())
                .append(" 次失败: ").append(escape(letter.lastError()));
          }
        }
        default -> { }
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String label(LetterStatus status) {
    return switch (status) {
      case QUEUED -> "Queued / 待发送";
      case SENDING -> "Sending / 发送中";
      case SENT -> "Sent / 已发送";
      case FAILED -> "Not delivered / 投递失败";
      case PRINT -> "To print and post / 待打印邮寄";
    };
  }

  private String time(OffsetDateTime time) {
    return time == null ? "" : TIME.format(time.atZoneSameInstant(zone)) + " (" + zone.getId() + ")";
  }

  /** Markdown's own characters in an error are shown as they are, not as formatting. */
  static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]()#+!|<>~])", "\\\\$1");
  }
}
