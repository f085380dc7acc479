package dev.migrator.internal.safety;


import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.internal.safety.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

    private static List<String> texts(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(SqlToken::text).toList();
    }

    @Test
    void wordsAreLowerCasedAndCommentsDropped() {
        assertThat(texts("CREATE /* INDEX /* nested */ still comment */ Table -- CONCURRENTLY\n t"))
                .containsExactly("create", "table", "t");
    }

    @Test
    void quotedIdentifiersKeepCaseAndDoubledQuotes() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("\"My \"\"Table\"\"\"");
        assertThat(tokens).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.QUOTED);
            assertThat(t.text()).isEqualTo("My \"Table\"");
        });
    }

    @Test
    void stringsOfEveryKindAreOneToken() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("'it''s -- no comment' E'a\\'b' $$x; DROP TABLE t$$ $tag$ $$ $tag$");
        assertThat(tokens).extracting(SqlToken::kind).containsOnly(Kind.STRING);
        assertThat(tokens).extracting(SqlToken::text).containsExactly("it's -- no comment", "a'b", "x; DROP TABLE t", " $$ ");
    }

    @Test
    void operatorsParametersAndNumbers() {
        assertThat(SqlTokenizer.tokenize("a::int >= $1 AND b = ? + 1.5e-3"))
                .extracting(SqlToken::kind).containsExactly(Kind.WORD, Kind.OPERATOR, Kind.WORD, Kind.OPERATOR,
                        Kind.PARAMETER, Kind.WORD, Kind.WORD, Kind.OPERATOR, Kind.PARAMETER, Kind.OPERATOR, Kind.NUMBER);
    }

    @Test
    void anOperatorStopsBeforeAComment() {
        assertThat(texts("a =-- comment\n1")).containsExactly("a", "=", "1");
    }
}
