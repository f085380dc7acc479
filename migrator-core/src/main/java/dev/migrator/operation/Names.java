package dev.migrator.operation;

final class Names {

    private Names() {}

    static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " is required");
        }
        return name;
    }
}
