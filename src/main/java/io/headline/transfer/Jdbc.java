package io.headline.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The few JDBC steps import and export share. */
final class Jdbc {

    /** Values per {@code in (...)} list: well under what either database takes as parameters of one statement. */
    private static final int IN_LIST = 500;

    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code sql} with its {@code in (%s)} filled by {@code values}, a few hundred at a time. */
    static void select(Connection connection, String sql, Collection<?> values, RowReader reader) throws SQLException {
        List<?> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            try (PreparedStatement s = connection.prepareStatement(sql.formatted(placeholders(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
