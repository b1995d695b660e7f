package io.headline;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL Hibernate sends, as text, for tests that check what a request reads (not just how many statements). */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {

    private final List<String> sql = new CopyOnWriteArrayList<>();

    @Override
    public String inspect(String statement) {
        sql.add(statement);
        return statement;
    }

    public void clear() {
        sql.clear();
    }

    public List<String> all() {
        return List.copyOf(sql);
    }
}
