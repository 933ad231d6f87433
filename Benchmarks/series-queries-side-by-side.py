#!/usr/bin/env python3
"""The series benchmark's 20 queries through two or more frusread binaries, side by side
(issue 14: query p50 <= 15 ms, p95 <= 60 ms at 400 volumes).

This VM's speed moves by half from minute to minute, so two builds timed one after the other
are not comparable; here they alternate query by query: for each query, one unmeasured run of
each build, then RUNS rounds of one run of each. Each build has its own index (XDG_CACHE_HOME),
of the same corpus, so that one build's index format is not read by the other.

Usage: Benchmarks/series-queries-side-by-side.py [--corpus FOLDER] [--runs N]
           LABEL=BINARY:CACHE ...
  e.g. before=/tmp/frusread-old:/tmp/cache-old after=.build/release/frusread:/tmp/frusread-series/cache
The corpus defaults to the series benchmark's (`frusread-bench series`, /tmp/frusread-series/volumes).
Prints, per build, the median (p50) and p95 of all runs' wall times, the same of CPU time (user +
system, from wait4), and each query's median wall time, in the order of the queries below.
"""
import os, statistics, subprocess, sys, time

# As in SeriesBenchmark.queries (Benchmarks/FrusBench): rare words, common words, phrases,
# prefixes, OR, NOT.
QUERIES = ["Shcharanskiy", "Krasnoyarsk", "Zanzibarian", "Reykjavik", "Orlov", "the", "Soviet", "President",
           "United States", "Gorbachev", '"Soviet Union"', '"arms control"', '"divided spouses"', "nuclear*",
           "Shevard*", "Sakharov OR Orlov", "summit OR meeting", "summit -Geneva", "human rights NOT emigration",
           "Moscow embassy"]


def run(binary, cache, corpus, query):
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    start = time.perf_counter()
    # The query as one argument, as the series benchmark passes it.
    process = subprocess.Popen([binary, "search", "--corpus", corpus, query],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status != 0:
        sys.exit(f"{binary} search {query}: exit status {status}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(arguments):
    corpus, runs, builds = "/tmp/frusread-series/volumes", 3, []
    while arguments:
        argument = arguments.pop(0)
        if argument == "--corpus":
            corpus = arguments.pop(0)
        elif argument == "--runs":
            runs = int(arguments.pop(0))
        elif "=" in argument and ":" in argument:
            label, rest = argument.split("=", 1)
            binary, cache = rest.rsplit(":", 1)
            builds.append((label, os.path.abspath(binary), os.path.abspath(cache)))
        else:
            sys.exit(__doc__)
    if not builds:
        sys.exit(__doc__)
    times = {label: {q: [] for q in QUERIES} for label, _, _ in builds}
    for query in QUERIES:
        for _, binary, cache in builds:
            run(binary, cache, corpus, query)
        for _ in range(runs):
            for label, binary, cache in builds:
                times[label][query].append(run(binary, cache, corpus, query))
    print(f"20 queries, {runs} runs each, alternating; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for label, _, _ in builds:
        walls = [w for q in QUERIES for w, _ in times[label][q]]
        cpus = [c for q in QUERIES for _, c in times[label][q]]
        medians = " ".join(f"{statistics.median(w for w, _ in times[label][q]):.1f}" for q in QUERIES)
        print(f"  {label}: p50 {statistics.median(walls):.1f} ms, p95 {percentile(walls, 0.95):.1f} ms wall; "
              f"CPU p50 {statistics.median(cpus):.1f}, p95 {percentile(cpus, 0.95):.1f} ms")
        print(f"    per query (median wall, ms): {medians}")


if __name__ == "__main__":
    main(sys.argv[1:])
