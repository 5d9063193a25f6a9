#!/usr/bin/env bash
# Builds the benchmarks jar and runs every benchmark of this module within a bounded time, then
# writes the results table into advocacy-benchmarks/README.md (between the results markers).
#
#   advocacy-benchmarks/run-benchmarks.sh           # full: 13-15 min on 2 cores (about 21
#                                                   # where touching fresh memory is slow)
#   advocacy-benchmarks/run-benchmarks.sh --quick   # quick: <= 2 min, smallest sizes
#
# Environment: MVN_OFFLINE=1 adds -o to the Maven build; SKIP_BUILD=1 reuses the jar;
# ONLY=journeys runs only the journey benchmarks and footprint (the other sections of the
# table are then left out).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode=full
if [[ "${1:-}" == "--quick" ]]; then mode=quick; fi
export BENCH_MODE=$mode
export BENCH_LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q ${MVN_OFFLINE:+-o} -pl advocacy-benchmarks -am package -DskipTests
fi
jar="$here/target/benchmarks.jar"
out="$here/target/results"
rm -rf "$out" && mkdir -p "$out"

if [[ $mode == quick ]]; then
  thr="-f 1 -wi 1 -w 1s -i 1 -r 1s"
  jthr="$thr"
  shot="-f 1 -wi 0 -i 1"
  peers=10000; ours=10000; batches=10000; timers=100000; customers=10000; journeys=10000
  fp_peers=10000; fp_ours=10000; fp_spring=2000
else
  thr="-f 1 -wi 2 -w 1s -i 3 -r 1s"
  # the journey machines' deeper call trees are still being compiled after 2 s (their first
  # measured iterations kept rising); every library gets the same longer warm-up
  jthr="-f 1 -wi 3 -w 2s -i 3 -r 1s"
  shot="-f 1 -wi 1 -i 3"
  peers=10000,100000; ours=10000,100000,1000000; batches=10000; timers=1000000
  customers=10000,100000,1000000; journeys=10000,100000,1000000
  fp_peers=10000,100000; fp_ours=1000000; fp_spring=10000
fi

run() { # name, then JMH arguments
  local name=$1; shift
  echo "== $name: $*"
  # Other JMH runs on a shared machine hold /tmp/jmh.lock; running beside them only adds noise,
  # which the table shows as error.
  java -Djmh.ignoreLock=true -jar "$jar" "$@" -rf json -rff "$out/$name.json"
}

# Each ratio of the table is taken between forks run back to back, at one size at a time: the bare
# machine, then stateless4j; the full engine with sequential ids, then Spring Statemachine and
# squirrel-foundation (JMH runs an invocation's benchmarks in the order of their names). A burst
# of load on the machine then falls on both sides of a ratio more often than when the two forks
# are minutes apart.
#
# At the first size, the one the targets are quoted at, our bare machine and our full engine run
# three forks rather than one: on this machine forks of one build differ by up to 1.5x (the JIT's
# choices differ from fork to fork, and stay for the fork's life), so one fork is a draw from two
# or three levels, not the level. JMH reports the mean over the forks' iterations, and its error
# then spans the forks. The peers keep one fork each (their forks differ far less: stateless4j's
# three forks in one run were 23.5, 22.7 and 23.5 M/s). Right after them, the full engine runs two
# forks under the parallel collector (-XX:+UseParallelGC, same heap), reported beside the table
# against its default-collector figure: a host may choose either collector, and the ratio is what
# the choice costs. Those two and the engine's two extra forks take the place of the two
# default/parallel pairs that earlier runs made, so the run takes no longer for the engine.
first=${ours%%,*}
three=${jthr/-f 1/-f 3}
for size in ${ours//,/ }; do
  if [[ $mode == full && $size == "$first" ]]; then
    run "journey-transitions-$size-bare" 'JourneyTransitionBenchmark.oursBare$' -p size=$size $three
    run "journey-transitions-$size-stateless4j" 'JourneyTransitionBenchmark.peerStateless4j$' \
      -p size=$size $jthr
    run "journey-transitions-$size-engine" 'JourneyTransitionBenchmark.oursEngine$' \
      -p size=$size -p ids=sequential $three
    run "journey-transitions-$size-peers" 'JourneyTransitionBenchmark.(peerSpring|peerSquirrel)$' \
      -p size=$size $jthr
    run "journey-collector-parallel" 'JourneyTransitionBenchmark.oursEngine$' -p size=$size \
      -p ids=sequential ${jthr/-f 1/-f 2} \
      -jvmArgsAppend "-XX:+UseParallelGC -Xms6g -Xmx6g -XX:+AlwaysPreTouch"
  elif [[ ",$peers," == *",$size,"* ]]; then
    run "journey-transitions-$size-bare" 'JourneyTransitionBenchmark.(oursBare|peerStateless4j)$' \
      -p size=$size $jthr
    run "journey-transitions-$size-engine" \
      'JourneyTransitionBenchmark.(oursEngine|peerSpring|peerSquirrel)$' -p size=$size \
      -p ids=sequential $jthr
  else
    run "journey-transitions-$size-bare" 'JourneyTransitionBenchmark.oursBare$' -p size=$size $jthr
    run "journey-transitions-$size-engine" 'JourneyTransitionBenchmark.oursEngine$' -p size=$size \
      -p ids=sequential $jthr
  fi
  run "journey-transitions-$size-random" 'JourneyTransitionBenchmark.oursEngine$' -p size=$size \
    -p ids=random $jthr
done
# the engine through handleAll, batches of 100, at 10,000 instances only (the 15 minutes)
run journey-transitions-batches 'JourneyTransitionBenchmark.oursEngineBatch' -p size=$batches \
  -p ids=sequential $jthr
run journey-creation 'JourneyCreationBenchmark' $jthr
run journey-tick 'JourneyTickBenchmark' -p timers=$timers -p limit=$timers,10000 $shot
echo "== journey footprint"
java -Xmx12g -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true -cp "$jar" \
  io.advocacy.benchmarks.JourneyFootprint "$out/footprint-journeys.json" "$fp_peers" "$fp_ours" \
  "$fp_spring"

if [[ "${ONLY:-}" != journeys ]]; then
  run segment 'SegmentAdapterBenchmark' $thr
  run scorer 'ScorerBenchmark' -p customers=$customers $thr
  echo "== scorer footprint"
  for n in ${customers//,/ }; do
    java -Xmx6g -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true -cp "$jar" \
      io.advocacy.benchmarks.ScorerFootprint "$n" | tee -a "$out/scorer-footprint.txt"
  done
  run attribution 'AttributionBenchmark' -p journeys=$journeys $shot -jvmArgsAppend -Xmx4g
  echo "== attribution peak heap (one fresh JVM per model and size, -Xmx512m)"
  for n in ${journeys//,/ }; do
    for model in none firstTouch lastTouch lastNonDirect linear positionBased \
        markovOrder1 markovOrder3 shapleySimplified; do
      java -Xmx512m -cp "$jar" io.advocacy.benchmarks.AttributionFootprint "$n" "$model" \
        2>&1 | tail -n 1 | tee -a "$out/attribution-footprint.txt"
    done
  done
fi

java -cp "$jar" io.advocacy.benchmarks.BenchmarkReport "$here/README.md" \
  "$out/footprint-journeys.json" "$out"/journey-*.json "$out"/segment.json "$out"/scorer.json \
  "$out"/attribution.json "$out"/scorer-footprint.txt "$out"/attribution-footprint.txt
echo "results in $out; table written to $here/README.md"
