package io.disputeflow.insight;

import io.disputeflow.complaint.Channel;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where a regulator-referred complaint came from: the regulator's own fields that our record has no place for. */
@Repository
class RegulatorReferralRepository {

  static final String CFPB = "CFPB";

  private final JdbcClient jdbc;

  RegulatorReferralRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String complaintNumber, CfpbRecord row, Channel originChannel, boolean narrativePublished,
      OffsetDateTime importedAt) {
    jdbc.sql("INSERT INTO regulator_referral (complaint_number, source, source_id, submitted_via, origin_channel,"
            + " source_product, source_sub_product, source_issue, source_sub_issue, company, state, tags,"
            + " narrative_published, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(complaintNumber, CFPB, row.get(CfpbRecord.COMPLAINT_ID), cut(row.get(CfpbRecord.SUBMITTED_VIA), 40),
            originChannel == null ? null : originChannel.name(), cut(row.get(CfpbRecord.PRODUCT), 200),
            cut(row.get(CfpbRecord.SUB_PRODUCT), 200), cut(row.get(CfpbRecord.ISSUE), 200),
            cut(row.get(CfpbRecord.SUB_ISSUE), 200), cut(row.get(CfpbRecord.COMPANY), 200),
            cut(row.get(CfpbRecord.STATE), 10), cut(row.get(CfpbRecord.TAGS), 100), narrativePublished, importedAt)
        .update();
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
