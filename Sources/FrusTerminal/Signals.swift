import CNcursesw
import Glibc
import Synchronization

/// Signal handling for the reader, by the "flag + polling loop" method: the handlers only set
/// bits in an atomic word (async-signal-safe), and the run loop, whose `get_wch` waits at most
/// `Terminal.pollInterval` (and is interrupted outright, since the handlers are installed
/// without SA_RESTART), restores the terminal with `endwin` in ordinary code and then
/// re-raises the signal with its default action — so the shell sees the usual 128+sig status.
///
/// - SIGINT, SIGTERM, SIGHUP, SIGQUIT: restore the terminal, re-raise. Installed with
///   SA_RESETHAND, so a second one kills at once even if the loop were stuck.
/// - SIGTSTP (Ctrl-Z): `endwin`, stop with the default action, and on resumption repaint fully.
/// - SIGCONT: repaint fully (also after a SIGSTOP from outside).
/// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT): the handler itself writes the
///   terminfo sequences that leave the alternate screen and show the cursor, prepared in advance
///   (`write` and `tcsetattr` are async-signal-safe; `endwin` is not), then dies by the signal.
enum Signals {
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Bit `sig` set: signal `sig` arrived and is not yet handled.
    private static let pending = Atomic<UInt64>(0)
    /// The restore sequence and saved terminal modes for the crash handler (addresses, or 0).
    private static let restoreBytes = Atomic<UInt>(0)
    private static let restoreCount = Atomic<Int>(0)
    private static let savedModes = Atomic<UInt>(0)

    static func install() {
        _ = pending.load(ordering: .relaxed)  // initialise the statics outside any handler
        _ = restoreBytes.load(ordering: .relaxed)
        _ = restoreCount.load(ordering: .relaxed)
        _ = savedModes.load(ordering: .relaxed)
        let record: @convention(c) (Int32) -> Void = { sig in
            Signals.pending.bitwiseOr(1 << UInt64(sig), ordering: .sequentiallyConsistent)
        }
        for sig in terminating { cnc_install_handler(sig, record, 1) }
        cnc_install_handler(SIGTSTP, record, 0)
        cnc_install_handler(SIGCONT, record, 0)
        let crash: @convention(c) (Int32) -> Void = { sig in
            Signals.restoreTerminalFromHandler()
            raise(sig)  // default action again (SA_RESETHAND); delivered when the handler returns
        }
        for sig in crashing { cnc_install_handler(sig, crash, 1) }
        // A parent may have left some of them blocked (signal masks are inherited): unblock,
        // or Ctrl-Z and kill would be held pending and never seen.
        for sig in terminating + [SIGTSTP, SIGCONT] { cnc_unblock(sig) }
    }

    /// Puts back the default actions (after the terminal is restored for good).
    static func uninstall() {
        for sig in terminating + crashing + [SIGTSTP, SIGCONT] { cnc_default_handler(sig) }
    }

    /// Takes the signals that arrived since the last call.
    static func takePending() -> Set<Int32> {
        let bits = pending.exchange(0, ordering: .sequentiallyConsistent)
        guard bits != 0 else { return [] }
        return Set((1..<64).filter { bits & (1 << UInt64($0)) != 0 }.map { Int32($0) })
    }

    /// Dies by `sig` with its default action (the terminal must be restored already). Falls
    /// back to exit(128 + sig) should the signal not end the process.
    static func reraise(_ sig: Int32) -> Never {
        uninstall()
        cnc_unblock(sig)
        raise(sig)
        exit(128 + sig)
    }

    /// Stops the process the way Ctrl-Z would without our handler; returns once continued.
    static func stopUntilContinued() {
        cnc_default_handler(SIGTSTP)
        cnc_unblock(SIGTSTP)
        raise(SIGTSTP)
        let record: @convention(c) (Int32) -> Void = { sig in
            Signals.pending.bitwiseOr(1 << UInt64(sig), ordering: .sequentiallyConsistent)
        }
        cnc_install_handler(SIGTSTP, record, 0)
    }

    /// Prepares what the crash handler writes: the terminal's exit-alternate-screen, reset
    /// attributes, show-cursor and keypad-off sequences, and the terminal modes from before curses.
    static func prepareCrashRestore() {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = cnc_tigetstr(cap) { bytes.append(contentsOf: String(cString: s).utf8) }
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        restoreBytes.store(UInt(bitPattern: buffer), ordering: .sequentiallyConsistent)
        restoreCount.store(bytes.count, ordering: .sequentiallyConsistent)
    }

    /// Saves the terminal modes (call before curses changes them).
    static func saveTerminalModes() {
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        guard tcgetattr(STDIN_FILENO, modes) == 0 else { modes.deallocate(); return }
        savedModes.store(UInt(bitPattern: modes), ordering: .sequentiallyConsistent)
    }

    /// Async-signal-safe: only atomic loads, write(2) and tcsetattr(3).
    private static func restoreTerminalFromHandler() {
        let count = restoreCount.load(ordering: .sequentiallyConsistent)
        if let bytes = UnsafeRawPointer(bitPattern: restoreBytes.load(ordering: .sequentiallyConsistent)), count > 0 {
            _ = write(STDOUT_FILENO, bytes, count)
        }
        if let modes = UnsafePointer<termios>(bitPattern: savedModes.load(ordering: .sequentiallyConsistent)) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, modes)
        }
    }
}
