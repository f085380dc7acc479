package dev.migrator.test.jpa;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.MigratorConfiguration;
import dev.migrator.schema.SchemaSnapshot.SchemaObject;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.test.jpa.ModelDifference.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;

/**
 * Walks Hibernate's relational model (namespaces, tables, columns, sequences) and the migrated schema
 * ({@link SchemaSnapshot}, one catalog query per schema) side by side and collects every difference.
 */
final class ModelComparison {

    private final Metadata metadata;
    private final Connection connection;
    private final Map<String, Map<String, SchemaObject>> schemas = new HashMap<>();
    private final Map<Table, String> mappedBy = new IdentityHashMap<>();
    /** Columns of primitive-typed properties: the mapping may call them nullable, but an entity never writes null there. */
    private final Set<Column> primitive = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    ModelComparison(Metadata metadata, Connection connection) {
        this.metadata = metadata;
        this.connection = connection;
        for (PersistentClass entity : metadata.getEntityBindings()) {
            mappedBy.putIfAbsent(entity.getTable(), simpleName(entity.getEntityName()));
            for (Join join : entity.getJoins()) {
                mappedBy.putIfAbsent(join.getTable(), simpleName(entity.getEntityName()));
            }
            for (Property property : entity.getPropertyClosure()) {
                if (isPrimitive(entity, property)) {
                    primitive.addAll(property.getValue().getColumns());
                }
            }
        }
    }

    private static boolean isPrimitive(PersistentClass entity, Property property) {
        try {
            return entity.getMappedClass() != null
                    && property.getGetter(entity.getMappedClass()).getReturnTypeClass().isPrimitive();
        } catch (RuntimeException notAPlainProperty) {
            return false;
        }
    }

    List<ModelDifference> differences() throws SQLException {
        List<Table> tables = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    tables.add(table);
                    table.getColumns().forEach(column -> types.add(column.getSqlType(metadata)));
                }
            }
            namespace.getSequences().forEach(sequences::add);
        }
        Map<String, String> canonical = PostgresTypes.canonical(connection, types);
        List<ModelDifference> differences = new ArrayList<>();
        for (Table table : tables) {
            compareTable(table, canonical, differences);
        }
        for (Sequence sequence : sequences) {
            Identifier name = sequence.getName().getSequenceName();
            String schema = name(sequence.getName().getSchemaName());
            if (!schema(schema).containsKey("sequence " + name(name))) {
                differences.add(new ModelDifference(Kind.MISSING_SEQUENCE, "sequence " + qualified(schema, name(name)),
                        "present", null, null));
            }
        }
        return differences;
    }

    private void compareTable(Table table, Map<String, String> canonical, List<ModelDifference> differences)
            throws SQLException {
        String schema = name(table.getSchema() == null ? null : Identifier.toIdentifier(table.getSchema(), table.isSchemaQuoted()));
        String name = table.isQuoted() ? table.getName() : table.getName().toLowerCase(java.util.Locale.ROOT);
        String display = qualified(schema, name);
        String by = mappedBy.get(table);
        Map<String, SchemaObject> objects = schema(schema);
        if (!objects.containsKey("table " + name)) {
            differences.add(new ModelDifference(Kind.MISSING_TABLE, "table " + display, "present", null, by));
            return;
        }
        Set<String> mapped = new java.util.HashSet<>();
        for (Column column : table.getColumns()) {
            String columnName = column.isQuoted() ? column.getName() : column.getName().toLowerCase(java.util.Locale.ROOT);
            mapped.add(columnName);
            String what = "column " + display + "." + columnName;
            SchemaObject actual = objects.get("column " + name + "." + columnName);
            if (actual == null) {
                differences.add(new ModelDifference(Kind.MISSING_COLUMN, what, "present", null, by));
                continue;
            }
            String modelType = column.getSqlType(metadata);
            String expected = canonical.get(modelType);
            String type = actual.attributes().get("type");
            if (expected == null ? !type.equalsIgnoreCase(modelType) : !PostgresTypes.serves(type, expected)) {
                differences.add(new ModelDifference(Kind.TYPE, what, expected == null ? modelType : expected, type, by));
            }
            boolean databaseNullable = "nullable".equals(actual.attributes().get("nullability"));
            boolean modelNullable = column.isNullable() && !primitive.contains(column);
            if (databaseNullable != modelNullable) {
                differences.add(new ModelDifference(Kind.NULLABILITY, what, modelNullable ? "nullable" : "NOT NULL",
                        databaseNullable ? "nullable" : "NOT NULL", by));
            }
        }
        String columnPrefix = "column " + name + ".";
        for (SchemaObject object : objects.values()) {
            if (object.key().startsWith(columnPrefix) && !mapped.contains(object.key().substring(columnPrefix.length()))
                    && "not null".equals(object.attributes().get("nullability"))
                    && "none".equals(object.attributes().get("default"))
                    && "none".equals(object.attributes().getOrDefault("identity", "none"))
                    && !object.attributes().containsKey("generated")) {
                differences.add(new ModelDifference(Kind.UNMAPPED_REQUIRED_COLUMN,
                        "column " + display + "." + object.key().substring(columnPrefix.length()), null, "NOT NULL", by));
            }
        }
    }

    /** The objects of {@code schema} (null: the session's current one), by {@link SchemaObject#key()}; read once. */
    private Map<String, SchemaObject> schema(String schema) {
        return schemas.computeIfAbsent(schema == null ? "" : schema, key -> {
            Map<String, SchemaObject> objects = new HashMap<>();
            SchemaReader.read(connection, schema, MigratorConfiguration.DEFAULT_TABLE_PREFIX).objects()
                    .forEach(object -> objects.put(object.key(), object));
            return objects;
        });
    }

    private static String name(Identifier identifier) {
        if (identifier == null) {
            return null;
        }
        return identifier.isQuoted() ? identifier.getText() : identifier.getText().toLowerCase(java.util.Locale.ROOT);
    }

    private static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    private static String simpleName(String entityName) {
        return entityName.substring(entityName.lastIndexOf('.') + 1);
    }
}
