package dev.migrator.maven;

import dev.migrator.commands.CiCheck;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Printer;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn migrator:check}, the CI gate: every revision loads and its statements split, a single head (unless
 * {@code allowBranches}), no error-level safety finding (unless {@code skipSafety}), and with a database configured
 * the applied checksums match. Fails the build listing
 * every problem. Bound to {@code verify} when declared in an execution without a phase.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class CheckMojo extends AbstractMigratorMojo {

    @Parameter(property = "migrator.allow-branches", defaultValue = "false")
    boolean allowBranches;

    /** Leaves out the safety analysis (an unsuppressed error-level finding otherwise fails the build). */
    @Parameter(property = "migrator.skip-safety", defaultValue = "false")
    boolean skipSafety;

    @Override
    void run(Workspace workspace, Printer printer) throws MojoFailureException {
        CiCheck.Report report = CiCheck.run(workspace, allowBranches, !skipSafety);
        report.passed().forEach(line -> printer.line("ok: " + line));
        if (!report.ok()) {
            StringBuilder message = new StringBuilder("migrator:check found " + report.problems().size() + " problem(s):");
            for (CiCheck.Problem problem : report.problems()) {
                getLog().error("[" + problem.code() + "] " + problem.message());
                message.append("\n[").append(problem.code()).append("] ").append(problem.message());
            }
            throw new MojoFailureException(message.toString());
        }
    }
}
