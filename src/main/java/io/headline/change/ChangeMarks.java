package io.headline.change;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mark a cursor carries of the change it stands at: what tells that change from another that took its number in a
 * log restored to an earlier state since. It is an HMAC-SHA256 of the change's number, resource and instant (64 bits
 * of it), keyed with a secret the database keeps (table server_secret, made by the first instance that needs it), so
 * that every instance on the database, and every restart, marks alike, and a restored database keeps the key its
 * cursors were marked with. Keyed, a mark says nothing of the change to whoever holds it: a public cursor may stand at
 * a change the public does not see.
 */
@ApplicationScoped
class ChangeMarks {

    private static final String KEY_NAME = "change-marks";

    private final AgroalDataSource dataSource;
    private volatile SecretKeySpec key;

    ChangeMarks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    String of(ChangeLog.Entry entry) {
        byte[] payload = ByteBuffer.allocate(32).putLong(entry.seq()).putLong(entry.id().getMostSignificantBits())
                .putLong(entry.id().getLeastSignificantBits()).putLong(micros(entry.occurredAt())).array();
        return HexFormat.of().formatHex(mac(payload), 0, 8);
    }

    /** Whether {@code mark} is {@code entry}'s, of the kind {@code keyed} says. */
    boolean matches(ChangeLog.Entry entry, String mark, boolean keyed) {
        String expected = keyed ? of(entry) : unkeyed(entry);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), mark.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The mark cursors carried before marks were keyed: a mix of the resource and the instant that anyone knowing an
     * id can compute. Never issued any more; only compared, for the cursors issued then.
     */
    static String unkeyed(ChangeLog.Entry entry) {
        return Long.toHexString(entry.id().getMostSignificantBits()
                ^ Long.rotateLeft(entry.id().getLeastSignificantBits(), 17) ^ micros(entry.occurredAt()) * 0x9E3779B97F4A7C15L);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            known = new SecretKeySpec(HexFormat.of().parseHex(loadOrMake()), "HmacSHA256");
            key = known;
        }
        return known;
    }

    /** The key the database keeps; the first instance to need one makes it, and one that loses that race reads it. */
    private String loadOrMake() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> kept = load(connection);
            if (kept.isPresent()) {
                return kept.get();
            }
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            try (PreparedStatement s = connection.prepareStatement(
                    "insert into server_secret (name, secret) values (?, ?)")) {
                s.setString(1, KEY_NAME);
                s.setString(2, HexFormat.of().formatHex(made));
                s.executeUpdate();
            } catch (SQLException e) {
                // Another instance made it first (the name is the primary key): read below
            }
            return load(connection).orElseThrow(() -> new IllegalStateException("The key of change marks was not kept"));
        } catch (SQLException e) {
            throw new IllegalStateException("The key of change marks could not be read", e);
        }
    }

    private static Optional<String> load(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select secret from server_secret where name = ?")) {
            s.setString(1, KEY_NAME);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
