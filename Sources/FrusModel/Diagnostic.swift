/// A problem found while reading input: a file that cannot be read, a document that
/// imports with a defect. Importers warn and go on; they never fail the whole corpus.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable {
        /// The input was read, with a defect (a marker without its footnote).
        case warning
        /// The input (a file, a document) could not be read and was skipped.
        case error
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// "Corpus/x/doc.txt:12: footnote marker 3 has no footnote"
    public var description: String {
        let prefix = severity == .error ? "error" : "warning"
        if let location { return "\(prefix): \(location): \(message)" }
        return "\(prefix): \(message)"
    }
}
