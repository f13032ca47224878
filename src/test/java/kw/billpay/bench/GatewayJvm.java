package kw.billpay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags the benchmarks start the gateway with: those of {@code config/jvm.options}, the file every other way
 * of starting it reads, unless {@code -Dbench.jvmArgs="…"} replaces them (space separated, for experiments).
 */
final class GatewayJvm {

    private GatewayJvm() {
    }

    /** The flags as given to {@code java}: {@code @<project>/config/jvm.options}, or the override. */
    static List<String> flags(Path projectDir) {
        String override = System.getProperty("bench.jvmArgs");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        return List.of("@" + projectDir.resolve("config/jvm.options").toAbsolutePath());
    }

    /** The flags as a report shows them, an argument file expanded to its flags. */
    static String describe(List<String> flags) {
        List<String> shown = new ArrayList<>();
        for (String flag : flags) {
            if (!flag.startsWith("@")) {
                shown.add(flag);
                continue;
            }
            try {
                Files.readAllLines(Path.of(flag.substring(1))).stream()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(shown::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.join(" ", shown);
    }
}
