package io.aclgraph4j.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the shim's C tables (cpp/shim/include/aclgraph4j/*.def, shim.h) for the drift tests. */
final class ShimTables {
    static final Path INCLUDE = Path.of(System.getProperty("aclgraph4j.shimIncludeDir", "cpp/shim/include/aclgraph4j"));

    /** One row of a table: its macro's arguments, split at top-level commas. */
    record Row(String macro, List<String> arguments) {
        String name() {
            return arguments.get(0);
        }

        int code() {
            return Integer.parseInt(arguments.get(1).trim());
        }

        String argument(int index) {
            return arguments.get(index).trim();
        }
    }

    private ShimTables() {}

    static String read(String file) {
        try {
            return Files.readString(INCLUDE.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the shim's table " + file + " (run from the project folder)", e);
        }
    }

    /**
     * The rows of `macro` in `file`: each starts a line with the macro's name and ends at its closing parenthesis,
     * possibly lines later (a long row wraps inside the parentheses; line breaks read as spaces).
     */
    static List<Row> rows(String file, String macro) {
        String text = read(file);
        List<Row> rows = new ArrayList<>();
        Matcher start = Pattern.compile("(?m)^" + Pattern.quote(macro) + "\\(").matcher(text);
        while (start.find()) {
            rows.add(new Row(macro, splitArguments(file, text, start.end())));
        }
        if (rows.isEmpty()) {
            throw new AssertionError(file + " has no " + macro + " rows");
        }
        return rows;
    }

    /** The arguments from `from` (just after the opening parenthesis) to the matching closing one. */
    private static List<String> splitArguments(String file, String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth-- == 0) {
                arguments.add(current.toString().trim().replaceAll("\\s+", " "));
                return arguments;
            } else if (!quoted && depth == 0 && c == ',') {
                arguments.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        throw new AssertionError(file + ": a row has no closing parenthesis");
    }

    /** The value of `#define NAME value` in shim.h. */
    static int define(String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\d+)").matcher(read("shim.h"));
        if (!m.find()) {
            throw new AssertionError("shim.h defines no " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    /** A C function declared with AGJ_API: its name and number of parameters. */
    record Function(String header, String name, int parameters) {}

    static List<Function> functions(String header) {
        String text = read(header).replaceAll("/\\*(?s).*?\\*/", "");
        Matcher m = Pattern.compile("AGJ_API\\s+[\\w\\s*]+?\\b(agj_\\w+)\\s*\\(([^)]*)\\)\\s*;").matcher(text);
        List<Function> functions = new ArrayList<>();
        while (m.find()) {
            String parameters = m.group(2).trim();
            int count = parameters.equals("void") || parameters.isEmpty() ? 0 : parameters.split(",").length;
            functions.add(new Function(header, m.group(1), count));
        }
        return functions;
    }
}
