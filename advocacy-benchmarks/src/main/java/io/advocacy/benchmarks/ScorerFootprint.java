package io.advocacy.benchmarks;

import io.advocacy.core.profile.Industry;
import io.advocacy.core.signal.Signal;
import io.advocacy.scoring.score.AdvocateScorer;
import io.advocacy.scoring.score.ScoringModels;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per customer of the scorer's state, measured with JOL over the whole object graph
 * (customer ids included) divided by the customers: without explanations, with the default top
 * 3, and the de-duplication memory per signal id. Run: {@code java -cp benchmarks.jar
 * io.advocacy.benchmarks.ScorerFootprint 1000000}.
 */
public final class ScorerFootprint {
  private ScorerFootprint() {}

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    java.lang.reflect.Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  /**
   * Prints the figures.
   *
   * @param args the population (default 100,000)
   * @throws ReflectiveOperationException if the scorer's fields cannot be read
   */
  public static void main(String[] args) throws ReflectiveOperationException {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Signal[] signals = ScoringWorkload.signals(customers, customers * 2, 42);
    for (int k : new int[] {0, 3}) {
      AdvocateScorer scorer = AdvocateScorer.builder(ScoringModels.forIndustry(Industry.B2B_SAAS))
          .explanations(k).build();
      for (Signal s : signals) {
        scorer.apply(s);
      }
      long total = GraphLayout.parseInstance(scorer).totalSize();
      long dedup = GraphLayout.parseInstance(field(scorer, "seen")).totalSize();
      long model = GraphLayout.parseInstance(scorer.model()).totalSize();
      long explanations = k == 0 ? 0 : GraphLayout.parseInstance(field(scorer, "top")).totalSize();
      int n = scorer.customers();
      System.out.printf("customers=%d signals=%d topK=%d: whole graph %.1f B/customer; "
              + "score state %.1f B/customer; explanations %.1f B/customer; "
              + "de-duplication %.1f B/signal id%n",
          n, signals.length, k, (double) total / n,
          (double) (total - dedup - model - explanations) / n, (double) explanations / n,
          (double) dedup / signals.length);
    }
  }
}
