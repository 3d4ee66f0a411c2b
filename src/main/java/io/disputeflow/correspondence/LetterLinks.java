package io.disputeflow.correspondence;

import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
  /** The engine keeps a string variable in a 4000-character column; the list stays below it. */
  static final int MAX_TEXT = 3900;
  /**
   * An error as long as the dispatcher keeps it (1000) would crowd out the other letters; its start
   * (what failed) and its end (the root cause) say the most.
   */
  static final int MAX_ERROR = 300;

  private final LetterRepository repository;
  private final ZoneId zone;

  LetterLinks(LetterRepository repository, BankTime bankTime) {
    this.repository = repository;
    this.zone = bankTime.zone();
  }

  /** The list for a task of this case, as of now. */
  public String textFor(String complaintNumber) {
    return markdown(repository.lettersOf(complaintNumber));
  }

  String markdown(List<Letter> letters) {
    if (letters.isEmpty()) {
      return "No letters yet / 暂无函件";
    }
    List<String> lines = letters.stream().map(this::line).toList();
    // the newest letters matter most: the oldest give way when the list would be too long
    StringBuilder text = new StringBuilder();
    int shown = lines.size();
    int length = lines.stream().mapToInt(String::length).sum();
    while (length > MAX_TEXT - 80 && shown > 1) {
      length -= lines.get(lines.size() - shown).length();
      shown--;
    }
    if (shown < lines.size()) {
      text.append("- … ").append(lines.size() - shown)
          .append(" earlier letters: see the complaint record / 更早的函件见投诉记录\n");
    }
    lines.subList(lines.size() - shown, lines.size()).forEach(text::append);
    return text.length() <= MAX_TEXT ? text.toString() : text.substring(0, MAX_TEXT - 1) + "…";
  }

  private String line(Letter letter) {
    StringBuilder text = new StringBuilder();
    text.append("- ").append(letter.type()).append(letter.toCustomer() ? "" : " (copy for the representative / 代理人副本)")
        .append(" · ").append(letter.language()).append(" · **")
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
    if (text != null && text.length() > MAX_ERROR) {
      text = text.substring(0, MAX_ERROR / 3) + " … " + text.substring(text.length() - (MAX_ERROR * 2 / 3 - 3));
    }
    return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]()#+!|<>~])", "\\\\$1");
  }
}
