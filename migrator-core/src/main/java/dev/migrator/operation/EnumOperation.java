package dev.migrator.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Enum types: create, drop, add a value. Type names may be schema-qualified. */
public sealed interface EnumOperation extends Operation
        permits EnumOperation.CreateEnum, EnumOperation.DropEnum, EnumOperation.AddEnumValue {

    /** The enum type's name. */
    String name();

    record CreateEnum(String name, List<String> values) implements EnumOperation {

        public CreateEnum {
            Names.require(name, "enum type name");
            values = List.copyOf(values);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.of(new DropEnum(name, false, this));
        }

        @Override
        public String describe() {
            return "createEnum(" + name + ")";
        }
    }

    /** @param definition the type as it was, so the drop can be reversed; null when not given */
    record DropEnum(String name, boolean ifExists, CreateEnum definition) implements EnumOperation {

        public DropEnum {
            Names.require(name, "enum type name");
        }

        public DropEnum withIfExists(boolean value) {
            return new DropEnum(name, value, definition);
        }

        @Override
        public Optional<Operation> reverse() {
            return Optional.ofNullable(definition);
        }

        @Override
        public String describe() {
            return "dropEnum(" + name + (definition == null ? ") without the type definition" : ")");
        }
    }

    /**
     * {@code ALTER TYPE ... ADD VALUE}. Not reversible: PostgreSQL cannot remove a value from an enum.
     *
     * @param before the existing value to place the new one before, or null (appended)
     */
    record AddEnumValue(String name, String value, String before, boolean ifNotExists) implements EnumOperation {

        public AddEnumValue {
            Names.require(name, "enum type name");
            Objects.requireNonNull(value, "enum value");
        }

        public AddEnumValue withBefore(String existing) {
            return new AddEnumValue(name, value, existing, ifNotExists);
        }

        public AddEnumValue withIfNotExists(boolean flag) {
            return new AddEnumValue(name, value, before, flag);
        }

        @Override
        public String describe() {
            return "addEnumValue(" + name + " += '" + value + "'; PostgreSQL cannot drop an enum value)";
        }
    }
}
