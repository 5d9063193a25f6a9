package io.advocacy.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.advocacy.scoring.attribution.PathRow;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of each attribution model over the {@link AttributionWorkload}, one model per fresh
 * JVM so nothing of one model's run is left in another's heap.
 *
 * <p>Two ways of running it:
 *
 * <ul>
 *   <li>{@code AttributionFootprint 1000000 markovOrder3} runs one model once in this JVM after
 *       generating the rows, and prints: the heap used by the input after three {@code
 *       System.gc()} calls (the baseline); the peak heap during the model, as the sum over the
 *       heap memory pools of {@link MemoryPoolMXBean#getPeakUsage()} after {@link
 *       MemoryPoolMXBean#resetPeakUsage()} at the baseline (an upper bound: the pools need not
 *       peak at the same moment, and garbage not yet collected counts); the most heap any
 *       collection during the model left in use, from GC notifications (the live high-water
 *       mark as far as collections saw it); and the heap the result keeps after the run.
 *       {@code none} as the model measures the input alone.
 *   <li>{@code AttributionFootprint 1000000} starts a fresh JVM per model (the same class
 *       path) with {@code -Xmx512m}, then with smaller heaps (384, 256, 192, 160, 128, 112,
 *       96, 80, 64 MB) until one fails (an {@link OutOfMemoryError}), and prints the smallest
 *       heap each model completed in, input included; {@code none} is the input alone.
 * </ul>
 */
public final class AttributionFootprint {
  private static final int[] HEAPS_MB = {512, 384, 256, 192, 160, 128, 112, 96, 80, 64};
  private static final long MB = 1024 * 1024;
  private static volatile long maxAfterGc;
  private static volatile long maxBeforeGc;
  private static volatile Object keep = new Object();

  private AttributionFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of journeys (default 1,000,000), then optionally a model name
   * @throws Exception if a child JVM cannot be run
   */
  public static void main(String[] args) throws Exception {
    int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    if (args.length > 1) {
      measure(journeys, args[1]);
    } else {
      drive(journeys);
    }
  }

  private static void drive(int journeys) throws IOException, InterruptedException {
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<String> models = new ArrayList<>();
    models.add("none");
    models.addAll(AttributionWorkload.MODELS.keySet());
    for (String model : models) {
      int smallest = -1;
      for (int mb : HEAPS_MB) {
        Process p = new ProcessBuilder(javaCommand, "-Xmx" + mb + "m", "-cp", classPath,
            AttributionFootprint.class.getName(), Integer.toString(journeys), model)
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0;
        if (!done) {
          p.destroyForcibly();
          break;
        }
        smallest = mb;
        if (mb == HEAPS_MB[0]) {
          System.out.print("-Xmx512m: " + out);
        }
      }
      System.out.printf("%s: smallest heap that completed: %s%n", model,
          smallest < 0 ? "none of " + Arrays.toString(HEAPS_MB) + " MB"
              : smallest + " MB");
    }
  }

  private static long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pools.containsKey(pool.getName())) {
        used += pools.get(pool.getName()).getUsed();
      }
    }
    return used;
  }

  private static void measure(int journeys, String model) throws InterruptedException {
    Function<List<PathRow>, Object> run = AttributionWorkload.MODELS.get(model);
    if (run == null && !model.equals("none")) {
      throw new IllegalArgumentException("unknown model " + model + "; one of none, "
          + AttributionWorkload.MODELS.keySet());
    }
    List<PathRow> rows = AttributionWorkload.rows(journeys, 7);
    for (GarbageCollectorMXBean gc
        : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          maxAfterGc = Math.max(maxAfterGc, heapUsed(info.getGcInfo().getMemoryUsageAfterGc()));
          maxBeforeGc = Math.max(maxBeforeGc, heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
        }
      }, null, null);
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Thread.sleep(200); // let the notifications of the baseline collections arrive
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    maxAfterGc = 0;
    maxBeforeGc = 0;
    List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool);
        pool.resetPeakUsage();
      }
    }
    long t0 = System.nanoTime();
    keep = run == null ? rows : run.apply(rows);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      peak += pool.getPeakUsage().getUsed();
    }
    Thread.sleep(200); // let the notifications of the model's collections arrive
    long duringAfterGc = maxAfterGc;
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf("%s journeys=%d rows=%d max heap=%d MB: %d ms; input %.1f MB; peak (sum of"
            + " pool peaks) %.1f MB; most left by a collection during the run %.1f MB; after,"
            + " with the result %.1f MB (result %.1f MB)%n",
        model, journeys, rows.size(), Runtime.getRuntime().maxMemory() / MB, millis,
        (double) baseline / MB, (double) peak / MB, (double) duringAfterGc / MB,
        (double) retained / MB, (double) (retained - baseline) / MB);
    if (keep == null) {
      throw new AssertionError();
    }
  }
}
