package dev.migrator.sample;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private static final String COLUMNS = "id, user_id, total_cents, status, note";

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Order> findByUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = ? ORDER BY id")
                .param(userId).query(Order.class).list();
    }

    public Optional<Order> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?").param(id).query(Order.class).optional();
    }

    public Order create(long userId, long totalCents, String note) {
        return jdbc.sql("INSERT INTO orders (user_id, total_cents, note) VALUES (?, ?, ?) RETURNING " + COLUMNS)
                .param(userId).param(totalCents).param(note).query(Order.class).single();
    }
}
