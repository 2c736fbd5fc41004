package dev.schemac.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.tools.ToolProvider;

/**
 * Runs javac in this JVM's main thread with the arguments given, then prints that thread's CPU
 * time, the process's, the wall time and GC time. For A/B comparisons on a shared machine: load
 * from other processes stretches wall time a lot, the main thread's CPU time much less (javac
 * compiles in one thread; JIT compiler and GC threads are not in it).
 *
 * <pre>java -cp bench/target/classes dev.schemac.bench.InProcessJavac -processorpath ... @records.args</pre>
 */
public final class InProcessJavac {
  private InProcessJavac() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args);
    long wall = System.nanoTime() - start;
    long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    System.err.printf("javac exit %d: main thread CPU %d ms, process CPU %d ms, wall %d ms, GC %d ms%n", rc,
        thread / 1_000_000, process / 1_000_000, wall / 1_000_000, gc);
    System.exit(rc);
  }
}
