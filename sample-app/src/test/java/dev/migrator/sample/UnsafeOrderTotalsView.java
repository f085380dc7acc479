package dev.migrator.sample;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;

/** The unsafe twin of {@link CreateOrderTotalsView}: a plain index on the existing orders table. */
@Revision(id = "a5c2b1d03f12", revises = "f4b1a09c2fe1", message = "unsafe twin of a5c2b1d03f12")
public class UnsafeOrderTotalsView implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.createIndex("orders_total_cents_idx", "orders", "total_cents");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("orders_total_cents_idx");
    }
}
