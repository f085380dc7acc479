package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionControlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BEGIN                                        | BEGIN
            begin work                                   | BEGIN
            BEGIN /* a comment */ TRANSACTION            | BEGIN
            START TRANSACTION                            | BEGIN
            BEGIN ISOLATION LEVEL SERIALIZABLE           | BEGIN_WITH_MODES
            START TRANSACTION READ ONLY                  | BEGIN_WITH_MODES
            COMMIT                                       | COMMIT
            END                                          | COMMIT
            COMMIT WORK                                  | COMMIT
            end transaction                              | COMMIT
            COMMIT AND NO CHAIN                          | COMMIT
            ROLLBACK                                     | ROLLBACK
            ABORT                                        | ROLLBACK
            COMMIT AND CHAIN                             | CHAIN
            ROLLBACK WORK AND CHAIN                      | CHAIN
            PREPARE TRANSACTION 'tx1'                    | TWO_PHASE
            COMMIT PREPARED 'tx1'                        | TWO_PHASE
            ROLLBACK PREPARED 'tx1'                      | TWO_PHASE
            ROLLBACK TO SAVEPOINT s1                     | NONE
            ROLLBACK TRANSACTION TO s1                   | NONE
            SAVEPOINT s1                                 | NONE
            RELEASE SAVEPOINT s1                         | NONE
            PREPARE ins AS INSERT INTO t VALUES ($1)     | NONE
            START_LOG                                    | NONE
            ending                                       | NONE
            CREATE TABLE begin (id int)                  | NONE
            SELECT 1                                     | NONE
            """)
    void recognisesTransactionControlByItsLeadingKeyWords(String sql, TransactionControl expected) {
        assertThat(TransactionControl.of(sql)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CREATE TABLE t (id int); COMMIT; SELECT 1             | COMMIT
            SELECT 'COMMIT'; /* BEGIN; */ SELECT 2                |
            DO $$ BEGIN COMMIT; END $$                            |
            """)
    void findsTheFirstTransactionControlStatementOfAScript(String script, String expected) {
        assertThat(TransactionControl.firstIn(script)).isEqualTo(expected);
    }
}
