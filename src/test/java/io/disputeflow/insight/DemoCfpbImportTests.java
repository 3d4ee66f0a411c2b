package io.disputeflow.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputeflow.support.DatabaseTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Demo mode imports a CFPB export at start, moved to the present, and a restart adds nothing. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-import-${random.uuid};DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=100",
    "disputeflow.demo.import-cfpb=classpath:cfpb/cfpb-complaints-16-columns.csv"})
@ActiveProfiles("test")
@DatabaseTest
class DemoCfpbImportTests {

  @Autowired DemoCfpbImport demoImport;
  @Autowired JdbcClient jdbc;
  @Value("${disputeflow.zone}") ZoneId zone;

  @Test
  void shouldImportTheExportAtStartWithItsNewestComplaintInTheCurrentWeek() throws Exception {
    // the file's newest complaint was received on 2020-03-18, its oldest on 2016-10-17
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE channel = 'REGULATOR_REFERRAL'").query(Long.class)
        .single()).isEqualTo(25);
    LocalDate newest = jdbc.sql("SELECT MAX(received_at) FROM complaint").query(OffsetDateTime.class).single()
        .atZoneSameInstant(zone).toLocalDate();
    LocalDate oldest = jdbc.sql("SELECT MIN(received_at) FROM complaint").query(OffsetDateTime.class).single()
        .atZoneSameInstant(zone).toLocalDate();
    LocalDate today = LocalDate.now(zone);
    assertThat(ChronoUnit.DAYS.between(newest, today)).isBetween(0L, 6L);
    assertThat(newest.getDayOfWeek()).isEqualTo(LocalDate.of(2020, 3, 18).getDayOfWeek());
    assertThat(ChronoUnit.DAYS.between(oldest, newest)).isEqualTo(ChronoUnit.DAYS.between(
        LocalDate.of(2016, 10, 17), LocalDate.of(2020, 3, 18)));

    // a restart imports the same file again: nothing is added
    demoImport.importSample();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isEqualTo(25);
  }
}
