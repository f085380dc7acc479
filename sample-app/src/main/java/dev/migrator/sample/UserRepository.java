package dev.migrator.sample;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code display_name} only: it works both while the expand revision's trigger keeps
 * the old {@code name} column filled and after the contract revision dropped it.
 */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<User> findAll() {
        return jdbc.sql("SELECT id, email, display_name, email_verified FROM users ORDER BY id")
                .query(User.class).list();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT id, email, display_name, email_verified FROM users WHERE id = ?")
                .param(id).query(User.class).optional();
    }

    public User create(String email, String displayName) {
        return jdbc.sql("INSERT INTO users (email, display_name) VALUES (?, ?)"
                        + " RETURNING id, email, display_name, email_verified")
                .param(email).param(displayName).query(User.class).single();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() == 1;
    }
}
