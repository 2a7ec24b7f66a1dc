package dev.plinth.bench;

import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark method's result.
 *
 * @param benchmark the class, without package and {@code Benchmark} suffix, e.g. {@code RedisCache}
 * @param operation the method name before {@code _}, e.g. {@code get}
 * @param side {@code plinth}, {@code raw} or {@code rawOnly} (a reference without a Plinth twin)
 * @param params the JMH parameters, e.g. {@code size=4096}, or empty
 * @param threads benchmark threads
 * @param score the mean ops/s
 * @param error the 99.9 % confidence half-width, NaN with too few iterations
 * @param unit the score unit
 * @param allocBytesPerOp bytes allocated per operation (JMH GC profiler), NaN if not measured
 */
record Measurement(
    String benchmark,
    String operation,
    String side,
    String params,
    int threads,
    double score,
    double error,
    String unit,
    double allocBytesPerOp) {

  /**
   * Reads one JMH run result.
   *
   * @param run the result
   * @return the measurement
   * @throws IllegalArgumentException if the method is not named {@code <op>_<side>}
   */
  static Measurement of(RunResult run) {
    String name = run.getParams().getBenchmark();
    String method = name.substring(name.lastIndexOf('.') + 1);
    String className = name.substring(0, name.lastIndexOf('.'));
    String simple = className.substring(className.lastIndexOf('.') + 1).replace("Benchmark", "");
    int split = method.lastIndexOf('_');
    if (split < 1) {
      throw new IllegalArgumentException("benchmark method not named <op>_<side>: " + name);
    }
    StringBuilder params = new StringBuilder();
    for (String key : run.getParams().getParamsKeys()) {
      params.append(params.length() == 0 ? "" : ",").append(key).append('=');
      params.append(run.getParams().getParam(key));
    }
    Result<?> primary = run.getPrimaryResult();
    return new Measurement(
        simple,
        method.substring(0, split),
        method.substring(split + 1),
        params.toString(),
        run.getParams().getThreads(),
        primary.getScore(),
        primary.getScoreError(),
        primary.getScoreUnit(),
        allocation(run.getSecondaryResults()));
  }

  /**
   * Returns the key that pairs a Plinth measurement with its raw twin.
   *
   * @return benchmark, operation, params and threads
   */
  String pairKey() {
    return benchmark
        + "."
        + operation
        + (params.isEmpty() ? "" : "[" + params + "]")
        + "#"
        + threads;
  }

  private static double allocation(Map<String, Result> secondary) {
    for (String key : new String[] {"gc.alloc.rate.norm", "·gc.alloc.rate.norm"}) {
      Result<?> r = secondary.get(key);
      if (r != null) {
        return r.getScore();
      }
    }
    return Double.NaN;
  }
}
