package dev.migrator.internal.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class QuotingProperties {

    private final PostgresDialect dialect = new PostgresDialect();

    @Property
    void aQuotedIdentifierReadsBackAsTheOriginal(
            @ForAll @StringLength(min = 1, max = 30) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'_', '"', ' ', '$', '.', '-', 'é'}) String identifier) {
        String quoted = dialect.quote(identifier);
        if (quoted.startsWith("\"")) {
            assertThat(quoted).endsWith("\"");
            String body = quoted.substring(1, quoted.length() - 1);
            assertThat(body.replace("\"\"", "\"")).isEqualTo(identifier);
            assertThat(body.replace("\"\"", "")).doesNotContain("\"");
        } else {
            // bare only when PostgreSQL would read it back unchanged: lower case, simple, not reserved
            assertThat(quoted).isEqualTo(identifier).matches("[a-z_][a-z0-9_$]*");
        }
    }
}
