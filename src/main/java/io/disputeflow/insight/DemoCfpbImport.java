package io.disputeflow.insight;

import io.disputeflow.time.BankTime;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: imports a CFPB export at start (disputeflow.demo.import-cfpb, a classpath: or file path),
 * so a newcomer finds cases in Tasklist and figures in the reports. Importing is idempotent, so a
 * restart adds nothing. It runs in this start, in batches like a background import, so the demo's
 * cases are there once the node is up. With shift-dates the receipt dates move forward by whole weeks until the newest
 * falls in the current week: a 2019 export then looks like this year's intake (weekdays kept).
 */
@Component
@ConditionalOnExpression("${disputeflow.demo.enabled:false} and '${disputeflow.demo.import-cfpb:}' != ''")
class DemoCfpbImport {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCfpbImport.class);

  private final CfpbImporter importer;
  private final ResourceLoader resources;
  private final String location;
  private final boolean shiftDates;
  private final Clock clock;
  private final ZoneId zone;
  private final int batchSize;
  private final TransactionTemplate batches;

  DemoCfpbImport(CfpbImporter importer, ResourceLoader resources, PlatformTransactionManager transactions,
      @Value("${disputeflow.imports.batch-size:50}") int batchSize,
      @Value("${disputeflow.demo.import-cfpb}") String location,
      @Value("${disputeflow.demo.import-cfpb-shift-dates:true}") boolean shiftDates, Clock clock,
      BankTime bankTime) {
    this.importer = importer;
    this.resources = resources;
    this.location = location;
    this.shiftDates = shiftDates;
    this.clock = clock;
    this.zone = bankTime.zone();
    this.batchSize = batchSize;
    this.batches = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationStartedEvent.class)
  void importSample() throws Exception {
    Resource csv = resources.getResource(location);
    if (!csv.exists()) {
      LOG.warn("Demo: no CFPB export at {}; nothing imported", location);
      return;
    }
    long weeks = shiftDates ? weeksToNow(csv) : 0;
    long started = System.nanoTime();
    CfpbImporter.CfpbFile file;
    try (Reader reader = new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8)) {
      file = importer.read(reader);
    }
    CfpbImportTally result = importer.importAll(file, weeks, batchSize, batches);
    LOG.info("Demo: CFPB export {} ({} rows, dates +{} weeks): {} created, {} already imported, {} rejected in {} ms",
        location, file.rows().size(), weeks, result.created, result.alreadyImported, result.rejected(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Whole weeks from the newest receipt date in the file to today. */
  private long weeksToNow(Resource csv) throws Exception {
    LocalDate newest = null;
    try (Reader reader = new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8)) {
      CsvReader rows = new CsvReader(new java.io.BufferedReader(reader));
      var header = rows.next();
      int column = header == null ? -1 : header.fields().indexOf(CfpbRecord.DATE_RECEIVED);
      CsvReader.Row row;
      while (column >= 0 && (row = rows.next()) != null) {
        if (row.fields().size() > column) {
          try {
            LocalDate date = new CfpbRecord(java.util.Map.of(CfpbRecord.DATE_RECEIVED, row.fields().get(column)))
                .dateReceived();
            if (date != null && (newest == null || date.isAfter(newest))) {
              newest = date;
            }
          } catch (IllegalArgumentException unreadableDate) {
            // the import reports it
          }
        }
      }
    }
    return newest == null ? 0 : ChronoUnit.WEEKS.between(newest, LocalDate.now(clock.withZone(zone)));
  }
}
