package io.ember.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The entry point behind {@code bin/ember-submit}: parses the arguments, builds the command and
 * writes it to stdout, each argument followed by a NUL byte, for the script to {@code exec}. It
 * runs nothing itself. Errors go to stderr as one {@code ember-submit: ...} line with exit code 1;
 * {@code --help} prints the usage to stderr and nothing to stdout (exit code 0).
 *
 * <p>For a Python application the command starts with {@code env NAME=VALUE...}, which carries
 * the settings to the Python client in {@code EMBER_SUBMIT_ARGS} (see {@link CommandBuilder}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the launcher against the given environment and streams; returns the exit code. */
    static int run(String[] args, Map<String, String> env, OutputStream out, PrintStream err) {
        try {
            SubmitArguments parsed = SubmitArguments.parse(args);
            if (parsed.help()) {
                err.println(SubmitArguments.USAGE);
                return 0;
            }
            List<String> command = new CommandBuilder(env).build(parsed);
            for (String part : command) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            out.flush();
            return 0;
        } catch (SubmitException e) {
            err.println("ember-submit: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("ember-submit: cannot write the command: " + e.getMessage());
            return 1;
        }
    }
}
