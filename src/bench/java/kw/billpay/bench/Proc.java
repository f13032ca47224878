package kw.billpay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** /proc readers (Linux), for the benchmarks' CPU and memory figures of the gateway and its PostgreSQL. */
final class Proc {

    static final long CLOCK_TICKS = clockTicks();

    private Proc() {
    }

    static long rssKb(long pid) {
        return status(pid, "VmRSS");
    }

    /** A numeric field of /proc/pid/status (kB for memory fields); 0 when gone. */
    static long status(long pid, String field) {
        return field(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    static long pssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss");
    }

    /** The first number of a "Name: value" line of a /proc file; 0 when the file is gone or not readable. */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /**
     * CPU (clock ticks) of a process's threads grouped by name, digits folded ("GC Thread#0" and "#1" together).
     * Linux keeps 15 characters of a Java thread's name.
     */
    static Map<String, Long> threadJiffies(long pid) {
        Map<String, Long> out = new HashMap<>();
        threads(pid, (tid, name, ticks) -> out.merge(name.replaceAll("\\d+", "#"), ticks, Long::sum));
        return out;
    }

    /** CPU (clock ticks) of each of a process's threads whose name (as Linux keeps it, 15 characters) matches, by id. */
    static Map<Long, Long> threadJiffiesById(long pid, Predicate<String> name) {
        Map<Long, Long> out = new HashMap<>();
        threads(pid, (tid, threadName, ticks) -> {
            if (name.test(threadName)) {
                out.put(tid, ticks);
            }
        });
        return out;
    }

    private interface ThreadVisitor {
        void visit(long tid, String name, long ticks);
    }

    /** Each live thread of a process: its id, its name, its CPU (utime + stime, clock ticks). */
    private static void threads(long pid, ThreadVisitor visitor) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    visitor.visit(Long.parseLong(task.getFileName().toString()),
                            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ownTicks(afterName(stat)));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            });
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
    }

    /** {utime + stime, cutime + cstime (children waited for)} of a process, in clock ticks. */
    static long[] ownAndChildrenJiffies(long pid) {
        try {
            String[] f = afterName(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            return new long[] {ownTicks(f), Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** utime + stime of a process, all its threads (clock ticks); 0 when gone. */
    static long jiffies(long pid) {
        return ownAndChildrenJiffies(pid)[0];
    }

    /** The fields of a /proc stat line after the command name (which may hold spaces and parentheses): [0] is the state. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** utime + stime, in clock ticks, from {@link #afterName}'s fields. */
    private static long ownTicks(String[] afterName) {
        return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }

    /**
     * Whole-machine CPU from the first line of /proc/stat, in clock ticks since boot: busy (time the host stole from
     * this VM counted as busy, since no process here could run then), of which stolen, and total.
     */
    record MachineCpu(long busy, long stolen, long total) {

        static MachineCpu sample() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long user = Long.parseLong(f[1]);
                long nice = Long.parseLong(f[2]);
                long system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]);
                long iowait = Long.parseLong(f[5]);
                long irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]);
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                long busy = user + nice + system + irq + softirq + steal;
                return new MachineCpu(busy, steal, busy + idle + iowait);
            } catch (IOException | RuntimeException e) {
                return new MachineCpu(0, 0, 0);
            }
        }

        /** Fraction of all cores busy since {@code earlier}. */
        double busySince(MachineCpu earlier) {
            long ticks = total - earlier.total;
            return ticks <= 0 ? 0 : (busy - earlier.busy) / (double) ticks;
        }

        /** Fraction of all cores the host stole since {@code earlier}. */
        double stolenSince(MachineCpu earlier) {
            long ticks = total - earlier.total;
            return ticks <= 0 ? 0 : (stolen - earlier.stolen) / (double) ticks;
        }

        /** Busy cores since {@code earlier} (1.0 = one core fully busy). */
        double busyCoresSince(MachineCpu earlier) {
            return busySince(earlier) * Runtime.getRuntime().availableProcessors();
        }
    }

    /** The embedded PostgreSQL's postmaster, named in the gateway data directory's postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not started, or already gone
        }
    }

    /**
     * The embedded PostgreSQL server: the postmaster named in its data directory's postmaster.pid (pg_ctl may leave it
     * re-parented away from the gateway) and every process below it, plus any postgres process below the gateway.
     */
    static Set<ProcessHandle> postgres(Path gatewayDataDir, Process gateway) {
        Set<ProcessHandle> found = new LinkedHashSet<>();
        if (gatewayDataDir != null) {
            postmaster(gatewayDataDir).ifPresent(postmaster -> {
                found.add(postmaster);
                postmaster.descendants().forEach(found::add);
            });
        }
        if (gateway != null) {
            gateway.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .forEach(p -> {
                        found.add(p);
                        p.descendants().forEach(found::add);
                    });
        }
        return found;
    }
}
