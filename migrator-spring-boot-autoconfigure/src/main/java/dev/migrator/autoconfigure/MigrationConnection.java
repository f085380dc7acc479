package dev.migrator.autoconfigure;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the connection migrations run on, in this order: a {@code @MigratorDataSource} bean;
 * {@code migrator.url} (with {@code migrator.user}/{@code password}); the application's DataSource
 * with {@code migrator.user}/{@code password} when only those are set; the application's DataSource.
 */
final class MigrationConnection {

    private MigrationConnection() {}

    static void apply(MigratorConfiguration configuration, MigratorProperties properties,
            @Nullable DataSource migratorDataSource, @Nullable DataSource applicationDataSource) {
        if (migratorDataSource != null) {
            configuration.dataSource(migratorDataSource);
        } else if (StringUtils.hasText(properties.getUrl())) {
            configuration.url(properties.getUrl(), properties.getUser(), properties.getPassword());
        } else if (applicationDataSource == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Migrator needs a DataSource: define a single"
                    + " DataSource bean, mark one @MigratorDataSource, or set migrator.url");
        } else if (StringUtils.hasText(properties.getUser())) {
            // Dedicated migration credentials on the application's database: unpooled, used only at startup.
            configuration.dataSource(DataSourceBuilder.derivedFrom(applicationDataSource)
                    .type(SimpleDriverDataSource.class)
                    .username(properties.getUser())
                    .password(properties.getPassword())
                    .build());
        } else {
            configuration.dataSource(applicationDataSource);
        }
    }
}
