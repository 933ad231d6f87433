import ArgumentParser
import FrusLayout
import FrusModel

/// `frusread show N`: the document rendered by the reader's own layout code.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a document: heading, body, footnotes.")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The document number (\"175\"), a section of the front or back matter (\"preface\", \"persons\"), or VOLUME/NUMBER.")
    var number: String
    @Option(help: "Wrap to this many columns.") var width: Int = 80
    @Option(help: "The volume id, when the corpus has several.") var volume: String?
    @Flag(help: "JSON: {\"volume\",\"number\",\"kind\",\"title\",\"date\",\"place\",\"classification\",\"text\",\"pages\",\"footnotes\":[{\"number\",\"label\",\"text\"}],\"mentions\":[{\"kind\",\"id\",\"text\"}],\"from\",\"to\",\"scan\"}.")
    var json = false

    func validate() throws {
        guard width >= 10 else { throw ValidationError("--width must be at least 10") }
    }

    func run() throws {
        let (corpus, _) = try options.openWithExistingIndex()
        let doc = try DocumentChoice.find(number, volume: volume, in: corpus, alone: true)
        Output.warnings(corpus)
        if json {
            let body = Layout.document(doc, LayoutOptions(width: width))
            defer { Self.keptUntilExit = body }
            Output.json(.object([
                ("volume", .string(doc.volumeID)), ("number", .string(doc.number)), ("kind", .string(doc.kind.rawValue)),
                ("title", .string(doc.title)), ("date", JSONValue(doc.date)), ("dateEnd", JSONValue(doc.dateEnd)),
                ("place", JSONValue(doc.place)), ("classification", JSONValue(doc.classification)),
                ("text", .string(Self.joinedText(body.lines))),
                ("pages", .array(doc.pageBreaks.map(JSONValue.string))),
                ("footnotes", .array(doc.footnotes.map {
                    .object([("number", .int($0.number)), ("label", .string($0.label)), ("text", .string($0.plainText))])
                })),
                ("mentions", .array(doc.mentions.map {
                    .object([("kind", .string($0.mention.kind)), ("id", .string($0.mention.id)), ("text", .string($0.text))])
                })),
                ("from", .array(doc.senders.map(JSONValue.string))), ("to", .array(doc.recipients.map(JSONValue.string))),
                ("scan", doc.scan.map { .object([("pages", JSONValue($0.pages)), ("address", JSONValue($0.address))]) } ?? .null),
            ]))
            return
        }
        let laid = Layout.document(doc, LayoutOptions(width: width, includeFootnotes: true))
        Output.lines(laid.lines)
        Self.keptUntilExit = laid
    }

    /// The layout just printed, never freed: the process ends right after, and the system takes
    /// its memory back at once, while freeing a huge document's lines one by one (92,000 for an
    /// 11 MB paragraph) cost a seventh of `show` (as compilers skip freeing at exit, clang's
    /// `-disable-free`).
    nonisolated(unsafe) private static var keptUntilExit: LaidOutText?

    /// The lines' texts joined by line feeds, run by run into one String sized once.
    static func joinedText(_ lines: [LaidOutLine]) -> String {
        var count = max(0, lines.count - 1)
        for line in lines { for run in line.runs { count += run.text.utf8.count } }
        var text = ""
        text.reserveCapacity(count)
        for (i, line) in lines.enumerated() {
            if i > 0 { text += "\n" }
            for run in line.runs { text += run.text }
        }
        return text
    }
}
