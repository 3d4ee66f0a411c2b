package io.disputeflow.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DepartmentReviewRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  DepartmentReviewRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void insert(String complaintNumber, String department, String findings, String recommendation, String reviewedBy) {
    jdbc.sql("INSERT INTO department_review (complaint_number, department, findings, recommendation, reviewed_by,"
            + " reviewed_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(complaintNumber, department, findings, recommendation, reviewedBy, OffsetDateTime.now(clock))
        .update();
  }

  List<ReviewFinding> findingsOf(String complaintNumber) {
    return jdbc.sql("SELECT department, findings, recommendation, reviewed_by, reviewed_at FROM department_review"
            + " WHERE complaint_number = ? ORDER BY id")
        .param(complaintNumber)
        .query((rs, row) -> new ReviewFinding(rs.getString("department"), rs.getString("findings"),
            rs.getString("recommendation"), rs.getString("reviewed_by"),
            rs.getObject("reviewed_at", OffsetDateTime.class)))
        .list();
  }
}
