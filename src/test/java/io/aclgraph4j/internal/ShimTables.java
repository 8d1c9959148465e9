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
            throw new UncheckedIOException("cannot read the shim's table " + file + " (run from the project folder)", e);
        }
    }

    /** The rows of `macro` in `file` (lines that start with the macro's name). */
    static List<Row> rows(String file, String macro) {
        List<Row> rows = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            if (line.startsWith(macro + "(")) {
                rows.add(new Row(macro, splitArguments(line.substring(macro.length() + 1, line.lastIndexOf(')')))));
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError(file + " has no " + macro + " rows");
        }
        return rows;
    }

    private static List<String> splitArguments(String text) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                arguments.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        arguments.add(current.toString().trim());
        return arguments;
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
