package dev.migrator.autoconfigure.status;

import dev.migrator.MigratorStatus;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One answer of the {@link MigrationStatusView}: the state as just read, or UNKNOWN and why. */
public sealed interface StatusReading {

    /** The last state that was read, if any. */
    @Nullable Known lastKnown();

    /** The state as read at {@code readAt}. */
    record Known(MigratorStatus status, Instant readAt) implements StatusReading {

        @Override
        public Known lastKnown() {
            return this;
        }

        /** How old this reading is at {@code now}. */
        public Duration age(Instant now) {
            Duration age = Duration.between(readAt, now);
            return age.isNegative() ? Duration.ZERO : age;
        }
    }

    /**
     * The database could not be read within the status timeout.
     *
     * @param last the last state read, null when none was
     * @param reason why, without a secret
     */
    record Unknown(@Nullable Known last, String reason) implements StatusReading {

        @Override
        public @Nullable Known lastKnown() {
            return last;
        }
    }
}
