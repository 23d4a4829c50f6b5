package dev.alertwire.persistence.delivery;

import dev.alertwire.domain.delivery.DeliveryKind;
import dev.alertwire.domain.delivery.DeliveryStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Per channel and hour, how many real deliveries finished SUCCEEDED and FAILED ({@code channel_outcome_hour},
 * V12): what the console's channel list shows as the last day's success rate, read from at most 25 rows a
 * channel instead of a day of deliveries. A delivery is counted in the transaction that finishes it, by the
 * one place that finishes it with an attempt: {@link DeliveryWrites} on the dispatcher's path, and
 * {@link DeliveryRepository#countFinished} on the recorder's. Cancelled, superseded and test deliveries are not
 * counted, as the channel list never counted them.
 */
public final class ChannelOutcomeCounts {
  private static final long HOUR_MS = 3_600_000L;

  /**
   * PostgreSQL: two instances may add the first count of an hour at once, and INSERT ... ON CONFLICT is the
   * form that cannot fail on that (its MERGE can). H2 has no ON CONFLICT ... DO UPDATE; its MERGE is safe here
   * because H2 locks the key's row for the rest of the transaction.
   *
   * <p>Both read the channel's row rather than take its id as a value: a delivery whose channel was deleted while
   * its request was out still gets its attempt recorded, and adds no count (a value would break the counter's
   * foreign key and fail the attempt's whole write with it).
   */
  static final String POSTGRESQL =
      "INSERT INTO channel_outcome_hour (channel_id, hour_start, succeeded, failed) SELECT id, ?, ?, ? FROM alert_channel WHERE id = ?"
          + " ON CONFLICT (channel_id, hour_start) DO UPDATE SET succeeded = channel_outcome_hour.succeeded + EXCLUDED.succeeded,"
          + " failed = channel_outcome_hour.failed + EXCLUDED.failed";

  static final String H2 =
      "MERGE INTO channel_outcome_hour t USING (SELECT id AS channel_id, CAST(? AS BIGINT) AS hour_start,"
          + " CAST(? AS BIGINT) AS succeeded, CAST(? AS BIGINT) AS failed FROM alert_channel WHERE id = ?) s"
          + " ON t.channel_id = s.channel_id AND t.hour_start = s.hour_start"
          + " WHEN MATCHED THEN UPDATE SET succeeded = t.succeeded + s.succeeded, failed = t.failed + s.failed"
          + " WHEN NOT MATCHED THEN INSERT (channel_id, hour_start, succeeded, failed) VALUES (s.channel_id, s.hour_start, s.succeeded, s.failed)";

  private ChannelOutcomeCounts() {}

  /** Whether a delivery that just reached {@code status} is counted: real deliveries that succeeded or failed. */
  public static boolean counts(String channelId, DeliveryKind kind, DeliveryStatus status) {
    return channelId != null && kind != DeliveryKind.TEST && (status == DeliveryStatus.SUCCEEDED || status == DeliveryStatus.FAILED);
  }

  /** The epoch milliseconds of the start of the hour {@code at} falls in. */
  public static long hourOf(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), HOUR_MS) * HOUR_MS;
  }

  /**
   * The upsert that adds (hour, succeeded, failed) to a channel, with {@link #parameters} in their order, in the
   * database's dialect; it adds nothing when the channel no longer exists.
   */
  static String upsertFor(boolean postgresql) {
    return postgresql ? POSTGRESQL : H2;
  }

  /** Adds one finished delivery on the caller's connection, in its transaction; nothing if its channel is gone. */
  public static void add(Connection c, String channelId, DeliveryStatus status, Instant finishedAt) throws SQLException {
    boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    try (PreparedStatement s = c.prepareStatement(upsertFor(postgresql))) {
      Object[] values = parameters(channelId, status, finishedAt);
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** The upsert's parameters, in its order, for one delivery that finished with {@code status} at {@code at}. */
  static Object[] parameters(String channelId, DeliveryStatus status, Instant at) {
    return new Object[] {
      hourOf(at), status == DeliveryStatus.SUCCEEDED ? 1L : 0L, status == DeliveryStatus.FAILED ? 1L : 0L, channelId
    };
  }
}
