package dev.migrator.autoconfigure.ordering;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An application whose beans read the migrated {@code items} table while the context starts. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OrderingApp.TemplateReader.class, OrderingApp.ClientReader.class})
public class OrderingApp {

    /** Queries in its constructor: fails unless migrations ran before JdbcTemplate users. */
    @Component
    public static class TemplateReader {
        public final long items;

        public TemplateReader(JdbcTemplate jdbc) {
            items = jdbc.queryForObject("SELECT count(*) FROM items", Long.class);
        }
    }

    @Component
    public static class ClientReader {
        public final long items;

        public ClientReader(JdbcClient jdbc) {
            items = jdbc.sql("SELECT count(*) FROM items").query(Long.class).single();
        }
    }
}
