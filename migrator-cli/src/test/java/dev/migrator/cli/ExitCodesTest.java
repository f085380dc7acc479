package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void everyErrorCodeHasItsOwnExitCodeApartFromSuccessFailedChecksAndUsage() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            int exit = ExitCodes.of(code);
            assertThat(exit).as(code.name()).isNotIn(ExitCodes.OK, ExitCodes.CHECK_FAILED, ExitCodes.USAGE).isBetween(3, 255);
            assertThat(seen.add(exit)).as(code + " shares exit code " + exit).isTrue();
        }
    }

    @Test
    void aBadCommandLineIsAUsageErrorWithHelp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli.Run run = new Cli(dir).run("upgrade", "--no-such-option");

        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("Usage: migrator upgrade");
    }
}
