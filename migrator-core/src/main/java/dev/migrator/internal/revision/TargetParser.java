package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a target expression (SPEC §3) into a {@link Target}; knows nothing about a particular graph. */
final class TargetParser {

    static final String FORMS = "heads, head, base, <id> (or a unique prefix of at least 4 characters), "
            + "<id1>,<id2>, <label>@head, <label>@base, <label>@<id>, +N, -N, <id>+N, <id>-N, head-N, "
            + "<label>@+N, <label>@-N";

    /** Compiled when a target first needs them: {@code heads}, what a start asks for, needs none. */
    private static final class Patterns {
        static final Pattern REF = Pattern.compile("[A-Za-z0-9_]{1,64}");
        static final Pattern RELATIVE = Pattern.compile("([+-])(\\d{1,9})");
        static final Pattern WALK = Pattern.compile("([A-Za-z0-9_]{1,64})([+-])(\\d{1,9})");
        static final Pattern BRANCH = Pattern.compile("([^@\\s]+)@(.+)");
    }

    private TargetParser() {}

    static Target parse(String target) {
        if (target == null || target.isBlank()) {
            throw invalid(String.valueOf(target), "the target is empty");
        }
        String text = target.strip();
        switch (text) {
            case "heads":
                return new Target.Heads(text);
            case "head":
                return new Target.Head(text);
            case "base":
                return new Target.Base(text);
            default:
                break;
        }
        if (text.indexOf(',') >= 0) {
            return list(text);
        }
        Matcher relative = Patterns.RELATIVE.matcher(text);
        if (relative.matches()) {
            return new Target.Relative(text, null, steps(text, relative.group(1), relative.group(2)));
        }
        Matcher branch = Patterns.BRANCH.matcher(text);
        if (branch.matches()) {
            return branch(text, branch.group(1), branch.group(2));
        }
        Matcher walk = Patterns.WALK.matcher(text);
        if (walk.matches()) {
            return new Target.Walk(text, walk.group(1), steps(text, walk.group(2), walk.group(3)));
        }
        if (Patterns.REF.matcher(text).matches()) {
            return new Target.Revisions(text, List.of(text));
        }
        throw invalid(text, "it is not one of the target forms");
    }

    private static Target list(String text) {
        List<String> refs = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String ref = part.strip();
            if (!Patterns.REF.matcher(ref).matches() || ref.equals("head") || ref.equals("heads") || ref.equals("base")) {
                throw invalid(text, "a list of targets may only hold revision ids or prefixes, and '" + ref + "' is not one");
            }
            refs.add(ref);
        }
        return new Target.Revisions(text, List.copyOf(refs));
    }

    private static Target branch(String text, String label, String rest) {
        if (!GraphValidator.isValidLabel(label)) {
            throw invalid(text, "'" + label + "' is not a valid branch label");
        }
        if (rest.equals("head")) {
            return new Target.BranchHead(text, label);
        }
        if (rest.equals("base")) {
            return new Target.BranchBase(text, label);
        }
        Matcher relative = Patterns.RELATIVE.matcher(rest);
        if (relative.matches()) {
            return new Target.Relative(text, label, steps(text, relative.group(1), relative.group(2)));
        }
        if (Patterns.REF.matcher(rest).matches()) {
            return new Target.BranchRevision(text, label, rest);
        }
        throw invalid(text, "after '" + label + "@' expected head, base, +N, -N or a revision id");
    }

    private static int steps(String text, String sign, String digits) {
        int n = Integer.parseInt(digits);
        if (n == 0) {
            throw invalid(text, "a relative step count must be at least 1");
        }
        return sign.equals("-") ? -n : n;
    }

    static RevisionGraphException invalid(String text, String why) {
        return new RevisionGraphException("Invalid target '" + text + "': " + why + ". Valid targets: " + FORMS + ".");
    }
}
