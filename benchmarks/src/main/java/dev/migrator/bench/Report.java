package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects markdown for the output file and echoes it to standard output as it goes. */
final class Report {

    private final StringBuilder markdown = new StringBuilder();

    void line(String text) {
        markdown.append(text).append('\n');
        System.out.println(text);
        System.out.flush();
    }

    void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            rule.add(i == 0 ? "---" : "---:");
        }
        line("|" + String.join("|", rule) + "|");
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
        line("");
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown);
        System.out.println("Markdown written to " + file.toAbsolutePath());
    }
}
