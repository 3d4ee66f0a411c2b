package io.disputeflow.complaint;

import io.disputeflow.time.BankTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Searches the indexed complaint table (not the engine), so searching stays fast with many cases. */
@Repository
public class ComplaintSearchRepository {

  private final JdbcClient jdbc;
  private final BankTime bankTime;

  ComplaintSearchRepository(JdbcClient jdbc, BankTime bankTime) {
    this.jdbc = jdbc;
    this.bankTime = bankTime;
  }

  @Transactional(readOnly = true)
  public ComplaintPage search(ComplaintSearch search, int page, int size) {
    Map<String, Object> params = ComplaintSearch.newParams();
    String where = search.where(params);
    long total = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE " + where).params(params).query(Long.class).single();
    var rows = jdbc.sql("SELECT complaint_number, status, stage, category, priority, channel, product, customer_name,"
            + " issue, received_at, decision_due_at FROM complaint WHERE " + where
            + " ORDER BY received_at DESC, complaint_number DESC OFFSET " + ((long) page * size)
            + " ROWS FETCH NEXT " + size + " ROWS ONLY")
        .params(params)
        .query((rs, n) -> new ComplaintSummary(
            rs.getString("complaint_number"),
            ComplaintStatus.valueOf(rs.getString("status")),
            Stage.valueOf(rs.getString("stage")),
            rs.getString("category"),
            rs.getString("priority"),
            Channel.valueOf(rs.getString("channel")),
            Product.valueOf(rs.getString("product")),
            rs.getString("customer_name"),
            rs.getString("issue"),
            bankTime.inZone(rs.getObject("received_at", OffsetDateTime.class)),
            bankTime.inZone(rs.getObject("decision_due_at", OffsetDateTime.class))))
        .list();
    return new ComplaintPage(rows, page, size, total, (int) ((total + size - 1) / size));
  }
}
