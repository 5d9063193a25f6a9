#!/usr/bin/env bash
# Compares two revisions of the library on the full-engine workload or on ticks, side by side
# in one JVM (see CompareBuilds): the way to tell whether a change made the engine faster on a
# machine whose load moves any single figure by half.
#
#   advocacy-benchmarks/compare-builds.sh [--tick | --batch] <rev A> <rev B> [rounds] [size] [signals]
#   advocacy-benchmarks/compare-builds.sh HEAD .      # the last commit against the working tree
#   advocacy-benchmarks/compare-builds.sh --tick HEAD .   # the same on ticks of 1,000,000 timers
#   advocacy-benchmarks/compare-builds.sh --batch HEAD .  # signals in batches through handleAll
#
# A revision is anything git names (a commit, a branch, HEAD~1); "." is the working tree as it
# is. Each revision is checked out into target/compare/<commit> and its benchmarks jar built
# there. Both must hold EngineRounds (with batchRound for --batch; with tickRound for --tick,
# whose size and signals are the timers, default 1,000,000, and the most one tick call
# advances, default 10,000). Prints every round and the median of B's time ÷ A's; on this
# machine, repeated comparisons of one pair of builds differ by up to about 5%, so repeat one
# before trusting a smaller difference.
# Environment: MVN_OFFLINE=1 adds -o to the Maven builds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
tick=()
if [[ ${1:-} == --tick || ${1:-} == --batch ]]; then
  tick=("$1")
  shift
fi
if [[ $# -lt 2 ]]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

jar_of() { # revision -> path of its benchmarks jar, built if need be
  local rev=$1 dir
  if [[ $rev == . ]]; then
    dir="$root"
  else
    local commit
    commit="$(git -C "$root" rev-parse --verify "$rev^{commit}")"
    dir="$here/target/compare/$commit"
    if [[ ! -d $dir ]]; then
      git -C "$root" worktree prune # forgets checkouts a clean of target/ removed
      git -C "$root" worktree add --detach "$dir" "$commit" >&2
    fi
  fi
  if [[ $rev == . || ! -f $dir/advocacy-benchmarks/target/benchmarks.jar ]]; then
    echo "building $rev in $dir" >&2
    # errexit does not reach into the $(...) this runs in: a failed build must stop here, or
    # the comparison would run whatever jar an earlier build left
    mvn -B -q ${MVN_OFFLINE:+-o} -f "$dir/pom.xml" -pl advocacy-benchmarks -am package \
      -DskipTests >&2 || { echo "the build of $rev failed" >&2; exit 1; }
  fi
  echo "$dir/advocacy-benchmarks/target/benchmarks.jar"
}

a="$(jar_of "$1")"
b="$(jar_of "$2")"
shift 2
java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp "$b" io.advocacy.benchmarks.CompareBuilds \
  ${tick[@]+"${tick[@]}"} "$a" "$b" "$@"
