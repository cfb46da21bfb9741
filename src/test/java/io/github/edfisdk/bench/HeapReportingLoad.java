package io.github.edfisdk.bench;

import io.github.edfisdk.cli.EdFiCli;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** {@code edfi load ...} followed by a line with the JVM's peak heap use (for the -Xmx256m run of the benchmark). */
public final class HeapReportingLoad {
    public static void main(String[] args) {
        int code = EdFiCli.commandLine().execute(args);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        // Peak use is what the collector let the heap fill to; the live set after a full GC is what the load keeps.
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("PEAK_HEAP_MB %.1f LIVE_AFTER_GC_MB %.1f MAX_HEAP_MB %.1f%n", peak / 1048576.0,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);
        System.exit(code);
    }
}
