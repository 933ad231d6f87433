import Foundation

extension FrusreadBinary {
    /// A `frusread` started in the background, for tests that watch it work and stop it
    /// (a build killed with SIGKILL).
    public final class Running: @unchecked Sendable {
        public let process: Process
        private let stderr: FileHandle
        private var buffered = ""

        init(process: Process, stderr: FileHandle) {
            self.process = process
            self.stderr = stderr
        }

        /// Reads standard error until a line containing `text` arrives; returns that line, or
        /// nil if the program closed standard error (exited) first.
        public func waitForLine(containing text: String) -> String? {
            while true {
                while let newline = buffered.firstIndex(of: "\n") {
                    let line = String(buffered[..<newline])
                    buffered = String(buffered[buffered.index(after: newline)...])
                    if line.contains(text) { return line }
                }
                let data = stderr.availableData  // blocks until data or end of file
                if data.isEmpty { return nil }
                buffered += String(decoding: data, as: UTF8.self)
            }
        }

        /// Sends `signal` and waits for the process to end.
        public func kill(_ signal: Int32) {
            _ = Foundation.kill(process.processIdentifier, signal)
            process.waitUntilExit()
        }
    }

    /// Starts `frusread args…` (stdin from /dev/null, stdout discarded).
    public static func start(_ args: [String], environment: [String: String?] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        return Running(process: process, stderr: err.fileHandleForReading)
    }
}
