package io.disputeflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The disk a closed case costs on PostgreSQL ({@code -Dbenchmark.only=history-size}): every table's size
 * (heap, TOAST, indexes) and rows before and after N cases driven intake → closed with the engine's full
 * history, divided by N, then what the retention period holds at a million cases a year. Engine history is
 * {@code ACT_HI_*} and {@code ACT_GE_BYTEARRAY} (after a case closed its byte arrays are history only);
 * the runtime tables' growth is a working set that later cases reuse (after vacuum), not a cost per case.
 * The per-table table goes to {@code target/benchmark/history-size-<database>.md}.
 */
final class HistorySize {

  /** The product's history time-to-live ({@code disputeflow.retention}, P1096D). */
  private static final int RETENTION_DAYS = Integer.parseInt(System.getProperty("benchmark.retention-days", "1096"));
  private static final double CASES_A_YEAR = Double.parseDouble(System.getProperty("benchmark.cases-a-year", "1000000"));

  interface Cases {
    /** Drives the cases to closed and waits for their jobs; returns how many closed. */
    int run() throws Exception;
  }

  interface Figures {
    void figure(String database, String name, double value, Double baseline, String target, String ratioTarget,
        boolean met, String note);
  }

  record Size(long heap, long toast, long indexes, long rows) {}

  /** Our tables that hold work in passing, like the engine's runtime tables (the folder deletes what it counted). */
  private static final Set<String> WORKING_TABLES = Set.of("report_figure_change");

  private HistorySize() {}

  static void measure(String database, Connection jdbc, int cases, Cases run, Figures figures) throws Exception {
    if (!database.equals("postgres")) {
      DisputeFlowBenchmark.log(database + ": history size is measured on PostgreSQL only (pg_total_relation_size)");
      return;
    }
    Map<String, Size> before = sizes(jdbc);
    String loadBefore = DisputeFlowBenchmark.loadAverage();
    long start = System.nanoTime();
    DisputeFlowBenchmark.log(database + ": " + cases + " cases intake → closed, full history");
    int closed = run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Size> after = sizes(jdbc);
    String load = loadBefore + " → " + DisputeFlowBenchmark.loadAverage();

    long[] history = new long[3];
    long[] ours = new long[3];
    long[] runtime = new long[3];
    List<String[]> lines = new ArrayList<>();
    List<String> names = new ArrayList<>(after.keySet());
    names.sort(Comparator.comparingLong((String n) -> -total(grown(before.get(n), after.get(n)))));
    for (String name : names) {
      Size grown = grown(before.get(name), after.get(name));
      long[] sum = name.startsWith("act_hi_") || name.equals("act_ge_bytearray") ? history
          : name.startsWith("act_") || WORKING_TABLES.contains(name) ? runtime : ours;
      sum[0] += grown.heap();
      sum[1] += grown.toast();
      sum[2] += grown.indexes();
      if (total(grown) != 0 || grown.rows() != 0) {
        lines.add(new String[] {name, perCase(grown.heap() + grown.toast(), closed), perCase(grown.indexes(), closed),
            String.format(Locale.ROOT, "%.1f", grown.rows() / (double) closed)});
      }
    }
    StringBuilder table = new StringBuilder("| table | heap + TOAST bytes a case | index bytes a case | rows a case |\n"
        + "|---|---|---|---|\n");
    lines.forEach(l -> table.append("| `").append(l[0]).append("` | ").append(l[1]).append(" | ").append(l[2])
        .append(" | ").append(l[3]).append(" |\n"));
    Files.writeString(Path.of("target", "benchmark", "history-size-" + database + ".md"), table);
    System.out.println(table);

    double historyBytes = (history[0] + history[1] + history[2]) / (double) closed;
    double ourBytes = (ours[0] + ours[1] + ours[2]) / (double) closed;
    double kept = CASES_A_YEAR * RETENTION_DAYS / 365.25;
    String scale = closed + " cases closed of " + cases + " in " + Math.round(seconds) + " s; load average " + load;
    figures.figure(database, "history: engine history bytes a closed case", historyBytes, null, "measured", null,
        true, "ACT_HI_* and ACT_GE_BYTEARRAY: heap " + perCase(history[0], closed) + ", TOAST "
            + perCase(history[1], closed) + ", indexes " + perCase(history[2], closed) + "; " + scale);
    figures.figure(database, "history: our tables' bytes a closed case", ourBytes, null, "measured", null, true,
        "heap " + perCase(ours[0], closed) + ", TOAST " + perCase(ours[1], closed) + ", indexes "
            + perCase(ours[2], closed) + "; engine runtime tables and " + WORKING_TABLES + " grew "
            + perCase(runtime[0] + runtime[1] + runtime[2], closed)
            + " a case (a working set reused after vacuum, not counted)");
    figures.figure(database, "history: disk for the retention period (GiB)",
        (historyBytes * kept + ourBytes * CASES_A_YEAR * RETENTION_DAYS / 365.25) / (1L << 30), null, "estimated", null,
        true, String.format(Locale.ROOT, "%,.0f cases a year × %d days retention = %,.0f closed cases kept; engine"
            + " history %.1f GiB (the cleanup keeps it there), our tables %.1f GiB after %d days and %.1f GiB more"
            + " every year (nothing deletes them)", CASES_A_YEAR, RETENTION_DAYS, kept, historyBytes * kept / (1L << 30),
            ourBytes * kept / (1L << 30), RETENTION_DAYS, ourBytes * CASES_A_YEAR / (1L << 30)));
  }

  /** Every table of the public schema: heap, TOAST, indexes and exact rows (after a vacuum marks dead rows free). */
  private static Map<String, Size> sizes(Connection jdbc) throws SQLException {
    Map<String, Size> sizes = new LinkedHashMap<>();
    try (Statement statement = jdbc.createStatement()) {
      statement.execute("VACUUM");
      List<String[]> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT c.relname, c.oid::regclass::text,"
          + " pg_relation_size(c.oid), COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0),"
          + " pg_indexes_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind = 'r' AND n.nspname = current_schema()")) {
        while (rows.next()) {
          tables.add(new String[] {rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getString(5)});
        }
      }
      for (String[] t : tables) {
        try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + t[1])) {
          count.next();
          sizes.put(t[0], new Size(Long.parseLong(t[2]), Long.parseLong(t[3]), Long.parseLong(t[4]), count.getLong(1)));
        }
      }
    }
    return sizes;
  }

  private static Size grown(Size before, Size after) {
    Size b = before == null ? new Size(0, 0, 0, 0) : before;
    return new Size(after.heap() - b.heap(), after.toast() - b.toast(), after.indexes() - b.indexes(),
        after.rows() - b.rows());
  }

  private static long total(Size size) {
    return size.heap() + size.toast() + size.indexes();
  }

  private static String perCase(long bytes, int cases) {
    return String.format(Locale.ROOT, "%,d", Math.round(bytes / (double) cases));
  }
}
