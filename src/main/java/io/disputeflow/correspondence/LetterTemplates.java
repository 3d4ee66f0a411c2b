package io.disputeflow.correspondence;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.disputeflow.time.BankTime;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The letter templates of {@code resources/letters/}: {@code <type>.<language>.mustache}, whose
 * first line is the subject, and {@code labels_<language>.properties} for the words and formats
 * the data needs (decision outcomes, products, dates). A template that names a value the data does
 * not have fails at rendering, so a step never queues a letter with a hole in it.
 */
@Component
class LetterTemplates {

  static final String DEFAULT_LANGUAGE = "zh-CN";
  static final List<String> LANGUAGES = List.of(DEFAULT_LANGUAGE, "en");

  private final Mustache.Compiler compiler = Mustache.compiler()
      .escapeHTML(false)
      .strictSections(true)
      .emptyStringIsFalse(true)
      .nullValue("")
      .withLoader(LetterTemplates::open);
  private final Map<String, Template> templates = new ConcurrentHashMap<>();
  private final ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
  private final ZoneId zone;

  LetterTemplates(BankTime bankTime) {
    this.zone = bankTime.zone();
    labels.setBasename("letters/labels");
    labels.setDefaultEncoding(StandardCharsets.UTF_8.name());
    labels.setFallbackToSystemLocale(false);
  }

  /** The language a customer gets letters in: their preferred one if we write it, else the default. */
  static String languageFor(String preferredLanguage) {
    return LANGUAGES.contains(preferredLanguage) ? preferredLanguage : DEFAULT_LANGUAGE;
  }

  RenderedLetter render(LetterType type, String language, Map<String, Object> model) {
    String text = templates.computeIfAbsent(type.templateName() + "." + language, compiler::loadTemplate)
        .execute(model);
    int endOfSubject = text.indexOf('\n');
    if (endOfSubject <= 0 || !text.substring(endOfSubject + 1).startsWith("\n")) {
      throw new IllegalStateException("Letter template " + type.templateName() + "." + language
          + " must start with a subject line and a blank line");
    }
    return new RenderedLetter(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 2).strip() + "\n");
  }

  /** Words and formats of one language, dates in the bank's zone. */
  Formats formats(String language) {
    return new Formats(Locale.forLanguageTag(language), zone);
  }

  /** Words and formats of one language, dates in {@code zone} (the zone of the complaint's regime). */
  Formats formats(String language, ZoneId zone) {
    return new Formats(Locale.forLanguageTag(language), zone);
  }

  final class Formats {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private Formats(Locale locale, ZoneId zone) {
      this.locale = locale;
      this.zone = zone;
      this.dateTime = DateTimeFormatter.ofPattern(label("format.dateTime"), locale);
      this.date = DateTimeFormatter.ofPattern(label("format.date"), locale);
    }

    String label(String key) {
      return labels.getMessage(key, null, locale);
    }

    /** A label that may be missing (e.g. a regime a bank added): {@code fallback} then. */
    String label(String key, String fallback) {
      return labels.getMessage(key, null, fallback, locale);
    }

    String dateTime(OffsetDateTime time) {
      return time == null ? null : dateTime.format(time.atZoneSameInstant(zone));
    }

    String date(OffsetDateTime time) {
      return time == null ? null : date.format(time.atZoneSameInstant(zone));
    }

    String amount(BigDecimal amount, String currency) {
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
      format.setMaximumFractionDigits(2);
      return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " " + currency;
    }
  }

  private static Reader open(String name) {
    try {
      return new InputStreamReader(new ClassPathResource("letters/" + name + ".mustache").getInputStream(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("No letter template letters/" + name + ".mustache", e);
    }
  }
}
