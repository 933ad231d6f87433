import CNcursesw
import FrusView
import Glibc

/// Runs a `TerminalApp` full-screen on the real terminal, and gives the terminal back intact
/// whatever happens: on quit, on a signal (see `Signals`), on a crash, on Ctrl-Z.
public enum Terminal {
    public struct Options: Sendable {
        /// Use colours (false: attributes only — NO_COLOR, mono theme).
        public var colors: Bool
        /// Quit as soon as the first frame is on the screen (start-up benchmark).
        public var exitAfterFirstFrame: Bool

        public init(colors: Bool = true, exitAfterFirstFrame: Bool = false) {
            self.colors = colors
            self.exitAfterFirstFrame = exitAfterFirstFrame
        }
    }

    /// How long `get_wch` waits before the loop looks at signal flags again. Signals also
    /// interrupt the wait, so this only bounds the rare race of a signal arriving just before it.
    static let pollInterval: Int32 = 100

    /// Runs `app` until it quits; returns its exit code (1 if the terminal cannot be set up).
    /// Terminating signals do not return: the process dies by the signal after restoring.
    public static func run(app: TerminalApp, options: Options = Options()) -> Int32 {
        let locale = TerminalLocale.setUp()
        if let warning = locale.warning { printError(warning) }
        Signals.saveTerminalModes()
        Signals.install()
        guard let screen = CursesScreen(useColors: options.colors && !TerminalLocale.noColorRequested) else {
            Signals.uninstall()
            printError("frusread: cannot use this terminal (TERM=\(getenv("TERM").map { String(cString: $0) } ?? "unset"))")
            return 1
        }
        Signals.prepareCrashRestore()
        defer {
            screen.end()
            Signals.uninstall()
        }
        let driver = ScreenDriver(app: app, screen: screen, asciiOnly: !locale.isUTF8, notice: locale.warning)
        driver.start()
        if options.exitAfterFirstFrame { return 0 }
        app.firstFrameDrawn()

        while true {
            let signals = Signals.takePending()
            if let fatal = Signals.terminating.first(where: signals.contains) {
                screen.end()
                app.willTerminate()
                Signals.reraise(fatal)
            }
            if signals.contains(SIGTSTP) {
                screen.suspend()
                Signals.stopUntilContinued()
                _ = Signals.takePending()  // the SIGCONT that woke us: one repaint is enough
                driver.repaintAll()
            } else if signals.contains(SIGCONT) {
                driver.repaintAll()
            }
            guard let raw = screen.readInput(milliseconds: pollInterval) else {
                // No key: a timeout, a signal — or the terminal is gone (its window closed with
                // no SIGHUP reaching us): then every read fails at once and the loop would spin.
                if inputHasHungUp() {
                    screen.end()
                    app.willTerminate()
                    return 129  // as SIGHUP would
                }
                driver.idle()
                continue
            }
            guard let event = KeyDecoder.decode(raw) else { continue }
            if let code = driver.handle(event) { return code }
        }
    }

    /// Whether standard input has hung up or is no longer open (poll, without waiting).
    static func inputHasHungUp() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return errno != EINTR }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    static func printError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
