#!/usr/bin/env python3
"""First frame of the reader on one TEI volume, cold (no search index, no remembered state),
side by side with `xmllint --noout` on the same file (issue 14: target <= 0.35x).

Each run starts the reader with --exit-after-first-frame in a pseudo-terminal of its own
(120x40, made here with pty.fork: no script(1) or tmux in the figures), reads what it draws,
and times it from fork to exit; xmllint runs in alternation with it. Wall time and CPU time
(user + system, from wait4) are both reported: CPU time is what other work on a shared machine
does not inflate. Several readers may be compared in one run (before / after a change).

Usage: Benchmarks/first-frame-vs-xmllint.py VOLUME.xml [--runs N] [--warm CORPUS CACHE]
           [LABEL=PATH-TO-FRUSREAD ...]     (default: after=.build/release/frusread)
  --warm CORPUS CACHE: instead, a warm start on CORPUS with the search index in CACHE
  (XDG_CACHE_HOME), as the series benchmark runs it (xmllint still timed on VOLUME).
Generate an 8 MB volume with `.build/release/frusread-bench tei-import --output FILE`.
"""
import fcntl, os, pty, resource, statistics, struct, subprocess, sys, tempfile, termios, time


def run_reader(binary, corpus, cache):
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TERM": "xterm-256color",
               "XDG_CACHE_HOME": cache or os.path.join(home, "cache"), "XDG_STATE_HOME": os.path.join(home, "state"),
               "XDG_CONFIG_HOME": os.path.join(home, "config"), "XDG_DATA_HOME": os.path.join(home, "data")}
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.execve(binary, [binary, "--exit-after-first-frame", "--corpus", corpus], env)
        out = b""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        os.close(fd)
        if status != 0:
            sys.exit(f"{binary} failed ({status}): {out[-400:]!r}")
        return wall, usage.ru_utime + usage.ru_stime


def run_xmllint(volume):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp("xmllint", ["xmllint", "--noout", volume])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    volume, args = args[0], args[1:]
    runs, warm, readers = 15, None, []
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--warm":
            warm = (args.pop(0), args.pop(0))
        else:
            label, _, path = a.partition("=")
            readers.append((label, os.path.abspath(path)))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    readers = readers or [("after", os.path.join(root, ".build/release/frusread"))]
    corpus, cache = warm if warm else (volume, None)
    times = {label: [] for label, _ in readers}
    times["xmllint"] = []
    for _ in range(runs):
        times["xmllint"].append(run_xmllint(volume))
        for label, binary in readers:
            times[label].append(run_reader(binary, corpus, cache))
    size = os.path.getsize(volume) / 1e6
    what = f"warm start on {corpus}" if warm else f"cold, {volume} ({size:.2f} MB)"
    print(f"first frame, {what}; median of {runs} alternating runs, 120x40 pty; "
          f"load average {' '.join(open('/proc/loadavg').read().split()[:3])}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    xw = statistics.median(w for w, _ in times["xmllint"])
    xc = statistics.median(c for _, c in times["xmllint"])
    for label in [l for l, _ in readers] + ["xmllint"]:
        w = statistics.median(t[0] for t in times[label])
        c = statistics.median(t[1] for t in times[label])
        ratio = "" if label == "xmllint" else f"   = {w / xw:.2f}x xmllint wall, {c / xc:.2f}x CPU"
        print(f"  {label:10} {w * 1000:7.1f} ms wall {c * 1000:7.1f} ms CPU{ratio}")


if __name__ == "__main__":
    main()
