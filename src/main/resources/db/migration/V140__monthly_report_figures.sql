-- The daily figures summed per calendar month (docs/reports.md): a year's summary reads 12 months of
-- counters instead of 365 days of them, and only the days of a month the period covers in part from
-- report_daily_figure. The folder keeps both in the same transaction (holding report_fold_lock).
CREATE TABLE report_monthly_figure (
  dimension    VARCHAR(20) NOT NULL,
  figure_month DATE        NOT NULL,
  grp          VARCHAR(80) NOT NULL,
  measure      VARCHAR(40) NOT NULL,
  amount       BIGINT      NOT NULL,
  PRIMARY KEY (dimension, figure_month, grp, measure)
);
-- figure_month is the first day of the month
INSERT INTO report_monthly_figure (dimension, figure_month, grp, measure, amount)
SELECT dimension, CAST(DATE_TRUNC('MONTH', figure_day) AS DATE), grp, measure, SUM(amount)
FROM report_daily_figure
GROUP BY dimension, CAST(DATE_TRUNC('MONTH', figure_day) AS DATE), grp, measure;
