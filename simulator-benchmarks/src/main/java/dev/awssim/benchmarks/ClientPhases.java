package dev.awssim.benchmarks;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Where a synchronous SDK call's time goes, from the SDK's own interceptor hooks, in wall time and
 * in the CPU time of the calling thread (on a loaded machine the wall time also holds waits for a
 * core; the CPU time does not): {@code marshal} (validation, endpoint, marshalling), {@code sign}
 * (signing and the other request stages), {@code http} (writing the request, the server, reading
 * the response's head), {@code read} (reading the body, its CRC32, unmarshalling). Beside them, the
 * server's CPU time per call, from {@link #serverCpu} (a process or some threads).
 */
final class ClientPhases implements ExecutionInterceptor {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {"marshal", "sign", "http", "read"};

  private final long[] wall = new long[NAMES.length];
  private final long[] cpu = new long[NAMES.length];
  private final LongSupplier serverCpu;
  private long calls;
  private long lastWall;
  private long lastCpu;
  private long serverCpuAtStart;

  /** {@code serverCpu}: the server's CPU nanoseconds so far, or -1 if unknown. */
  ClientPhases(LongSupplier serverCpu) {
    this.serverCpu = serverCpu;
  }

  /** The CPU nanoseconds of the live threads whose name starts with {@code prefix}. */
  static long threadsCpu(String prefix) {
    long total = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        long c = THREADS.getThreadCpuTime(t.getId());
        total += Math.max(c, 0);
      }
    }
    return total;
  }

  /** The CPU nanoseconds of process {@code pid} (user and system, Linux only; -1 elsewhere). */
  static long processCpu(long pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      List<String> f = Splitter.on(' ').splitToList(stat.substring(stat.lastIndexOf(')') + 2));
      // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 1/100 s (USER_HZ).
      return (Long.parseLong(f.get(11)) + Long.parseLong(f.get(12))) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Starts counting (an iteration). */
  void reset() {
    java.util.Arrays.fill(wall, 0);
    java.util.Arrays.fill(cpu, 0);
    calls = 0;
    serverCpuAtStart = serverCpu.getAsLong();
  }

  /** Prints the mean of each phase per call since {@link #reset()}. */
  void print(String label) {
    if (calls == 0) {
      return;
    }
    StringBuilder b = new StringBuilder("%n  ").append(label).append(" per call, wall/CPU us:");
    long wallSum = 0;
    long cpuSum = 0;
    for (int i = 0; i < NAMES.length; i++) {
      b.append(
          String.format(
              Locale.ROOT, " %s %.1f/%.1f", NAMES[i], wall[i] / 1e3 / calls, cpu[i] / 1e3 / calls));
      wallSum += wall[i];
      cpuSum += cpu[i];
    }
    b.append(
        String.format(
            Locale.ROOT, "; client %.1f/%.1f", wallSum / 1e3 / calls, cpuSum / 1e3 / calls));
    long server = serverCpu.getAsLong();
    if (server >= 0 && serverCpuAtStart >= 0) {
      b.append(
          String.format(
              Locale.ROOT, "; server CPU %.1f", (server - serverCpuAtStart) / 1e3 / calls));
    }
    System.out.printf(Locale.ROOT, b.append(" over %d calls%n").toString(), calls);
  }

  private void mark(int phase) {
    long w = System.nanoTime();
    long c = THREADS.getCurrentThreadCpuTime();
    if (phase >= 0) {
      wall[phase] += w - lastWall;
      cpu[phase] += c - lastCpu;
    }
    lastWall = w;
    lastCpu = c;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    mark(-1);
  }

  @Override
  public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
    mark(0);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    mark(1);
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    mark(2);
  }

  @Override
  public void afterUnmarshalling(
      Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    mark(3);
    calls++;
  }
}
