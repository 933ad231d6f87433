#!/usr/bin/env python3
"""Runs frusread on a pty that is not its controlling terminal, waits for the first frame, then
closes the pty: no SIGHUP is sent, reads just fail. frusread must notice and exit (not spin).
Prints "exited N" or "still running"; exit status 0 only when frusread exited by itself."""
import fcntl, os, select, struct, subprocess, sys, termios, time

binary, corpus = sys.argv[1], sys.argv[2]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
env.pop("NO_COLOR", None)
child = subprocess.Popen([binary, "--corpus", corpus], stdin=slave, stdout=slave, stderr=slave,
                         start_new_session=True, env=env)
os.close(slave)
seen, deadline = b"", time.time() + 20
while time.time() < deadline and b"Document" not in seen:
    ready, _, _ = select.select([master], [], [], 0.2)
    if ready:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
os.close(master)
try:
    child.wait(timeout=5)
    print("exited", child.returncode)
except subprocess.TimeoutExpired:
    child.kill()
    print("still running")
    sys.exit(1)
