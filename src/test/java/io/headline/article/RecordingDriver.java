package io.headline.article;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * PostgreSQL's JDBC driver, recording each query the application runs with the parameters it binds, so that a test
 * can EXPLAIN exactly what was sent (ListPlanTests). A StatementInspector sees the SQL, but not the parameters.
 */
public class RecordingDriver implements Driver {

    /** One query as it ran: its SQL, and each parameter setter called on it (setString(1, "x"), ...) in order. */
    public record Query(String sql, List<Bind> binds) {

        /** Prepares {@code prefix + sql} on {@code connection} with the same parameters. */
        public PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(prefix + sql);
            for (Bind bind : binds) {
                try {
                    bind.method().invoke(statement, bind.args());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new SQLException("Cannot replay " + bind.method().getName(), e);
                }
            }
            return statement;
        }
    }

    public record Bind(Method method, Object[] args) {
    }

    private static final List<Query> QUERIES = new CopyOnWriteArrayList<>();
    private final Driver postgres = new org.postgresql.Driver();

    public static void clear() {
        QUERIES.clear();
    }

    public static List<Query> queries() {
        return List.copyOf(QUERIES);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return recording(statement, (String) args[0]);
            }
            return result;
        });
    }

    private static PreparedStatement recording(PreparedStatement statement, String sql) {
        List<Bind> binds = new ArrayList<>();
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                binds.add(new Bind(method, args.clone()));
            } else if (method.getName().equals("clearParameters")) {
                binds.clear();
            } else if (method.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                QUERIES.add(new Query(sql, List.copyOf(binds)));
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(RecordingDriver.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
