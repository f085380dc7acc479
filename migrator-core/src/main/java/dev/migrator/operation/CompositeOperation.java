package dev.migrator.operation;

import java.util.List;

/**
 * An operation made of other operations (a safe pattern). The executor and the dialect run and render
 * its {@link #steps()} in order; reversal treats it as one unit.
 */
public interface CompositeOperation extends Operation {

    List<Operation> steps();
}
