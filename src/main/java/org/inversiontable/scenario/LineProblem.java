package org.inversiontable.scenario;

/** What is wrong with one statement; the parser adds the file and line and goes on. */
final class LineProblem extends Exception {
    LineProblem(String message) {
        super(message, null, false, false);
    }
}
