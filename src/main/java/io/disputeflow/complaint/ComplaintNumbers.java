package io.disputeflow.complaint;

import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Hands out complaint numbers such as CMP-2026-000042 from a database sequence, so concurrent
 * intakes on several nodes never block each other nor collide.
 */
@Component
public class ComplaintNumbers {

  private static final String SEQUENCE = "complaint_number_seq";
  private final DataFieldMaxValueIncrementer sequence;

  ComplaintNumbers(DataSource dataSource) throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next(int year) {
    return format(year, sequence.nextLongValue());
  }

  static String format(int year, long value) {
    return String.format("CMP-%d-%06d", year, value);
  }
}
