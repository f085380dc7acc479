package dev.migrator.operation;

import java.util.List;

/** Raw SQL, with optional JDBC parameters. Not reversible: the engine cannot know its inverse. */
public record ExecuteSql(String sql, List<Object> params) implements Operation {

    public ExecuteSql {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("execute(sql) needs a non-empty SQL statement");
        }
        params = List.copyOf(params);
    }

    @Override
    public String describe() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return "execute(" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + ")";
    }
}
