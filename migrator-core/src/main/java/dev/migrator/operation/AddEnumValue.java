package dev.migrator.operation;

/**
 * {@code ALTER TYPE ... ADD VALUE}. Not reversible: PostgreSQL cannot remove a value from an enum.
 *
 * @param before the existing value to place the new one before, or null (appended)
 */
public record AddEnumValue(String name, String value, String before, boolean ifNotExists) implements Operation {

    public AddEnumValue {
        Names.require(name, "enum type name");
        java.util.Objects.requireNonNull(value, "enum value");
    }

    @Override
    public String describe() {
        return "addEnumValue(" + name + " += '" + value + "'; PostgreSQL cannot drop an enum value)";
    }
}
