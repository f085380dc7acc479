package dev.migrator.safety;
import org.junit.jupiter.api.Test;
class TmpPrintTest {
    @Test void print() { System.out.println(RuleCases.offline().analyze("heads", SafetyOptions.offline()).format()); }
}
