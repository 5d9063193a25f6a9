package io.advocacy.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares two builds of the library on the full-engine workload, or on ticks, in one JVM, so
 * that both meet the same load: each build's benchmarks jar is loaded by its own class loader
 * (each is compiled by the JIT on its own), and their {@link EngineRounds#round} (or {@link
 * EngineRounds#tickRound}) run in turn, A B B A, round after round. What it reports is the median
 * over rounds of B's time per signal (or per timer) ÷ A's from the same round: on a shared
 * machine, whose load moves a single figure by half, the ratio of two builds measured side by
 * side moves by a few per cent.
 *
 * <p>Run: {@code java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * io.advocacy.benchmarks.CompareBuilds [--tick] <jar A> <jar B> [rounds] [size] [signals]}
 * (defaults 16, 10,000, 2,000,000; with {@code --tick} the last two are the timers and the most
 * a tick call advances, defaults 1,000,000 and 10,000); {@code compare-builds.sh} builds the two
 * jars from two revisions. The first two rounds are warm-up and left out of the medians. Both
 * jars must hold {@link EngineRounds} (with {@code tickRound} for ticks). A command-line tool;
 * not thread-safe.
 */
public final class CompareBuilds {
  private CompareBuilds() {}

  /** Rounds left out of the medians while the JIT compiles. */
  static final int WARM_UP = 2;

  /**
   * Runs the comparison and prints every round, then the medians and the ratio.
   *
   * @param args optionally {@code --tick}, then jar A, jar B, then optionally rounds, size and
   *     signals (with {@code --tick}: timers and limit)
   * @throws Exception if a jar cannot be loaded or a round fails
   */
  public static void main(String[] args) throws Exception {
    boolean tick = args.length > 0 && args[0].equals("--tick");
    boolean batch = args.length > 0 && args[0].equals("--batch");
    if (tick || batch) {
      args = Arrays.copyOfRange(args, 1, args.length);
    }
    if (args.length < 2 || args.length > 5) {
      System.err.println("usage: CompareBuilds [--tick | --batch] <jar A> <jar B> [rounds] [size]"
          + " [signals]\n  with --tick, size and signals are the timers and the most a tick"
          + " call advances; with --batch, signals go in batches through handleAll");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int size = args.length > 3 ? Integer.parseInt(args[3]) : tick ? 1_000_000 : 10_000;
    int signals = args.length > 4 ? Integer.parseInt(args[4]) : tick ? 10_000 : 2_000_000;
    if (rounds <= WARM_UP) {
      throw new IllegalArgumentException("rounds " + rounds + " leave none after the "
          + WARM_UP + " warm-up rounds");
    }
    String workload = tick ? "tickRound" : batch ? "batchRound" : "round";
    Method a = roundOf(Path.of(args[0]), workload);
    Method b = roundOf(Path.of(args[1]), workload);
    double[] timesA = new double[rounds - WARM_UP];
    double[] timesB = new double[rounds - WARM_UP];
    double[] ratios = new double[rounds - WARM_UP];
    for (int r = 0; r < rounds; r++) {
      double ta = run(a, size, signals);
      double tb = run(b, size, signals);
      tb = (tb + run(b, size, signals)) / 2;
      ta = (ta + run(a, size, signals)) / 2;
      System.out.printf(Locale.ROOT, "round %d: A %.0f ns, B %.0f ns, B/A %.3f%s%n", r + 1, ta,
          tb, tb / ta, r < WARM_UP ? " (warm-up)" : "");
      if (r >= WARM_UP) {
        timesA[r - WARM_UP] = ta;
        timesB[r - WARM_UP] = tb;
        ratios[r - WARM_UP] = tb / ta;
      }
    }
    System.out.printf(Locale.ROOT, tick
        ? "%,d timers, ticks of at most %,d: A median %.0f ns, B median %.0f ns per timer;"
            + " B/A median %.3f (range %.3f to %.3f over %d rounds)%n"
        : "size %,d, %,d signals a round: A median %.0f ns, B median %.0f ns per signal;"
            + " B/A median %.3f (range %.3f to %.3f over %d rounds)%n", size, signals,
        median(timesA), median(timesB), median(ratios), min(ratios), max(ratios), ratios.length);
  }

  /**
   * A round method ({@code round} or {@code tickRound}) of a jar's own {@link EngineRounds}.
   *
   * @param jar the benchmarks jar
   * @param name the method's name
   * @return the method, taking two ints
   * @throws IllegalArgumentException if there is no jar, or it lacks the class or the method
   * @throws Exception if the jar cannot be read
   */
  static Method roundOf(Path jar, String name) throws Exception {
    if (!Files.exists(jar)) { // a jar, or a directory of classes
      throw new IllegalArgumentException("no jar at " + jar);
    }
    // the platform loader as parent: the jar's classes are its own, not this process's
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Class<?> rounds;
    try {
      rounds = loader.loadClass(EngineRounds.class.getName());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(jar + " has no " + EngineRounds.class.getName()
          + ": it was built from a revision older than this tool", e);
    }
    try {
      return rounds.getMethod(name, int.class, int.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(jar + "'s EngineRounds has no " + name
          + ": it was built from a revision older than this tool", e);
    }
  }

  private static double run(Method round, int size, int signals) throws Exception {
    try {
      double t = (double) round.invoke(null, size, signals);
      System.gc(); // the next round starts without this one's garbage
      return t;
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  /** The median: the middle value, or the mean of the two middle ones. */
  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
