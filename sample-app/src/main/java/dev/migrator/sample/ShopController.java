package dev.migrator.sample;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sample's REST API: users and their orders. */
@RestController
public class ShopController {

    record NewUser(String email, String displayName) {}

    record NewOrder(long userId, long totalCents, String note) {}

    private final UserRepository users;
    private final OrderRepository orders;

    public ShopController(UserRepository users, OrderRepository orders) {
        this.users = users;
        this.orders = orders;
    }

    @GetMapping("/users")
    List<User> users() {
        return users.findAll();
    }

    @PostMapping("/users")
    ResponseEntity<User> createUser(@RequestBody NewUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(user.email(), user.displayName()));
    }

    @GetMapping("/users/{id}")
    ResponseEntity<User> user(@PathVariable long id) {
        return ResponseEntity.of(users.findById(id));
    }

    /** Deleting a user deletes their orders too ({@code ON DELETE CASCADE}). */
    @DeleteMapping("/users/{id}")
    ResponseEntity<Void> deleteUser(@PathVariable long id) {
        return users.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/users/{id}/orders")
    List<Order> ordersOf(@PathVariable long id) {
        return orders.findByUser(id);
    }

    @PostMapping("/orders")
    ResponseEntity<Order> createOrder(@RequestBody NewOrder order) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(orders.create(order.userId(), order.totalCents(), order.note()));
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<Order> order(@PathVariable long id) {
        return ResponseEntity.of(orders.findById(id));
    }
}
