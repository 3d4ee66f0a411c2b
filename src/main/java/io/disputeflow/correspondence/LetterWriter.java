package io.disputeflow.correspondence;

import io.disputeflow.complaint.ComplaintNotFoundException;
import io.disputeflow.complaint.ComplaintRecord;
import io.disputeflow.complaint.ComplaintRepository;
import io.disputeflow.complaint.Representative;
import io.disputeflow.complaint.RepresentativeRepository;
import io.disputeflow.time.BankTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a letter in the customer's language from the complaint record, the regime's wording and the
 * facts of the step, and files it in the outbox as rendered: by e-mail, or {@link LetterStatus#PRINT}
 * for a customer without an address. A representative on file gets a copy of every letter.
 */
@Component
class LetterWriter {

  static final String DEFAULT_CURRENCY = "CNY";

  /** The facts a letter type adds to the complaint's: its placeholders and their values. */
  interface Facts {
    Map<String, Object> of(ComplaintRecord complaint, LetterTemplates.Formats formats);
  }

  private final ComplaintRepository complaints;
  private final LetterRepository letters;
  private final LetterTemplates templates;
  private final BankTime bankTime;
  private final RegimeZones regimeZones;
  private final RepresentativeRepository representatives;

  LetterWriter(ComplaintRepository complaints, LetterRepository letters, LetterTemplates templates, BankTime bankTime,
      RegimeZones regimeZones, RepresentativeRepository representatives) {
    this.complaints = complaints;
    this.letters = letters;
    this.templates = templates;
    this.bankTime = bankTime;
    this.regimeZones = regimeZones;
    this.representatives = representatives;
  }

  long queue(String complaintNumber, LetterType type, Facts facts) {
    ComplaintRecord complaint = complaints.find(complaintNumber)
        .orElseThrow(() -> new ComplaintNotFoundException(complaintNumber));
    String language = LetterTemplates.languageFor(complaint.preferredLanguage());
    // the remedies and dates a letter names follow the complaint's regime: 核查 and 12378, the Ombudsman, the CFPB
    String regime = complaint.regime() == null ? "CN-CBIRC-2020" : complaint.regime();
    LetterTemplates.Formats formats = templates.formats(language, regimeZones.zoneOf(regime));
    Map<String, Object> model = new HashMap<>();
    model.put("complaintNumber", complaint.complaintNumber());
    model.put("customerName", complaint.customerName());
    model.put("product", formats.label("product." + complaint.product().name()));
    model.put("issue", complaint.issue());
    model.put("receivedAt", formats.dateTime(complaint.receivedAt()));
    model.put("decisionDueAt", formats.dateTime(complaint.decisionDueAt()));
    model.put("letterDate", formats.date(bankTime.now()));
    model.put("disputedAmount", complaint.disputedAmount() == null ? null : formats.amount(complaint.disputedAmount(),
        complaint.disputedCurrency() != null ? complaint.disputedCurrency() : DEFAULT_CURRENCY));
    model.putAll(regimeFlags(regime));
    model.put("regime", regime);
    model.put("regimeName", formats.label("regime." + regime, regime));
    model.putAll(facts.of(complaint, formats));
    RenderedLetter content = templates.render(type, language, model);
    String recipient = complaint.customerEmail();
    LetterStatus status = recipient == null ? LetterStatus.PRINT : LetterStatus.QUEUED;
    long id = letters.insert(complaintNumber, type, language, recipient, status, content, bankTime.now());
    representatives.current(complaintNumber).ifPresent(representative -> copyTo(representative, complaint, type,
        language, content));
    return id;
  }

  /**
   * Whoever made the complaint on the customer's behalf gets every letter too: the same text under a line
   * that says whose copy it is, by e-mail, or on paper to their address.
   */
  private void copyTo(Representative representative, ComplaintRecord complaint, LetterType type, String language,
      RenderedLetter content) {
    boolean chinese = language.startsWith("zh");
    String relation = templates.formats(language, bankTime.zone()).label("relation." + representative.relation(),
        representative.relation());
    String heading = chinese
        ? "本函副本致 " + representative.name() + "（" + relation + "），" + complaint.customerName() + " 的代理人。"
        : "Copy for " + representative.name() + " (" + relation + "), acting for " + complaint.customerName() + ".";
    RenderedLetter copy = new RenderedLetter((chinese ? "【代理人副本】" : "[Copy for the representative] ")
        + content.subject(), heading + "\n\n" + content.body());
    String recipient = representative.email();
    letters.insert(complaint.complaintNumber(), type, language, recipient,
        recipient == null ? LetterStatus.PRINT : LetterStatus.QUEUED, copy, bankTime.now(), Letter.REPRESENTATIVE);
  }

  /**
   * Which regime's sections of a template apply: {@code cn}, {@code uk} (both UK regimes) with
   * {@code ukDisp} or {@code ukPsd}, {@code us} with {@code usCfpb}, {@code usRegE} or {@code usRegZ}.
   * A regime a bank added under a known prefix gets its family's general wording.
   */
  static Map<String, Object> regimeFlags(String regime) {
    return Map.of("cn", regime.startsWith("CN"), "uk", regime.startsWith("UK"), "us", regime.startsWith("US"),
        "ukDisp", regime.equals("UK-FCA-DISP"), "ukPsd", regime.equals("UK-FCA-DISP-PSD"),
        "usCfpb", regime.equals("US-CFPB"), "usRegE", regime.equals("US-REG-E"), "usRegZ", regime.equals("US-REG-Z"));
  }
}
