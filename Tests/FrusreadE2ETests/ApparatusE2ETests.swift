import Foundation
import FrusTestSupport
import Testing

/// Issue 9 in a real terminal, on the shared partial TEI volume: persons and terms (`K`, the
/// entry, Mentioned in, `:who`), dates (title bar, contents, search results, cited-by, `:date`),
/// and the clipboard (`y`, `Y` as OSC 52, captured by tmux) and `o`. Every expected value is read
/// from the TEI here, never from frusread's output.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing), .enabled(if: Fixtures.partialVolume != nil, Comment(rawValue: Fixtures.sharedMissing)))
struct ApparatusE2ETests {
    /// The TEI's documents: id, number, date (frus:doc-dateTime-min's day), and their source text.
    struct TEIDocument {
        var number: String
        var date: String?
        var text: String
    }

    static let tei: String = Fixtures.partialVolume.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""

    static let documents: [TEIDocument] = {
        let opens = matches(#"<div\b[^>]*>"#, in: tei).filter { tei[$0].contains("type=\"document\"") }
        return opens.enumerated().map { i, range in
            let tag = String(tei[range])
            let end = i + 1 < opens.count ? opens[i + 1].lowerBound : (tei.range(of: "</body>")?.lowerBound ?? tei.endIndex)
            let number = first(#"\bn="([^"]+)""#, in: tag) ?? ""
            let date = first(#"frus:doc-dateTime-min="([0-9-]{10})"#, in: tag)
            return TEIDocument(number: number, date: date, text: String(tei[range.lowerBound..<end]))
        }
    }()

    static func matches(_ pattern: String, in text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var from = text.startIndex
        while let r = text.range(of: pattern, options: .regularExpression, range: from..<text.endIndex) {
            out.append(r)
            from = r.upperBound
        }
        return out
    }

    static func first(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let r = Range(m.range(at: 1), in: text)
        else { return nil }
        return String(text[r])
    }

    /// Tags removed, white space runs as one space.
    static func plain(_ xml: String) -> String {
        xml.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The entry of the persons or terms list with this xml:id: its label and the rest.
    static func entry(_ id: String) throws -> (name: String, description: String) {
        let item = try #require(first(#"(<item>(?:(?!</item>).)*xml:id=""# + id + #""(?:(?!</item>).)*</item>)"#, in: tei.replacingOccurrences(of: "\n", with: " ")))
        let label = try #require(first(#"xml:id=""# + id + #""[^>]*>([^<]*)<"#, in: item))
        let name = plain(label)
        var rest = plain(item)
        rest = String(rest.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)
        while rest.hasPrefix(",") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return (name, rest)
    }

    func folders() throws -> [String: String] {
        let base = try Fixtures.temporaryFolder("frusread-e2e-apparatus")
        var env: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"] {
            let f = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true)
            env[name] = f.path
        }
        return env
    }

    /// The reader on the partial volume, showing document `number`.
    func reader(at number: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        let volume = try #require(Fixtures.partialVolume)
        var env = try folders()
        for (k, v) in environment { env[k] = v }
        let r = try TmuxSession.reader(corpus: volume.path, width: width, height: height, environment: env, waitingFor: "┌")
        try r.command(number, thenTitle: "\(number). ")
        return r
    }

    /// The screen without its title and status rows.
    func body(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().joined(separator: "\n")
    }

    @Test func baldrigesEntryIsOnScreenWithinThreeKeysOf175() throws {
        let r = try reader(at: "175")
        let before = try r.stableScreen()
        let rows = before.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        // Where "Mac Baldrige" starts in the document pane (the name may wrap after "Mac").
        var place: (row: Int, column: Int)?
        for (i, row) in rows.enumerated() {
            let text = String(row)
            guard let r = text.range(of: "Mac Baldrige") ?? (text.hasSuffix("Mac") || text.contains("Mac │") ? text.range(of: "Mac", options: .backwards) : nil)
            else { continue }
            place = (i, text.distance(from: text.startIndex, to: r.lowerBound))
            break
        }
        let at = try #require(place, "175 shows “Mac Baldrige” on its first screen")
        try r.press("K")  // key 1
        let hinted = try r.waitUntil("the hints") { $0.contains("persons and terms in view") }
        let status = hinted.split(separator: "\n").last { !$0.isEmpty }.map(String.init) ?? ""
        let count = try #require(Self.first(#"K: (\d+) persons"#, in: status).flatMap { Int($0) })
        let length = count <= 26 ? 1 : 2
        let hintedRow = Array(hinted.split(separator: "\n", omittingEmptySubsequences: false)[at.row])
        let label = String(hintedRow[at.column..<(at.column + length)])
        #expect(label.allSatisfy { $0.isLowercase }, "a hint label where Baldrige is: \(label)")
        try r.type(label)  // keys 2 (and 3)
        let (name, description) = try Self.entry("p_BHM_1")
        let screen = try r.waitUntil("Baldrige's entry") { $0.contains(name) }
        #expect(screen.contains(description))
        #expect(1 + length <= 3)
        // Mentioned in: the documents whose TEI names p_BHM_1, with 175 among them.
        let mentioning = Self.documents.filter { $0.text.contains("\"#p_BHM_1\"") }
        #expect(screen.contains("Mentioned in \(mentioning.count) document"))

        // Enter on the first "Mentioned in" line opens that document with Baldrige in view.
        try r.press("g")
        try r.press("Enter")
        let target = try #require(mentioning.first)
        let opened = try r.waitUntil("document \(target.number)") { $0.split(separator: "\n").first?.contains(" \(target.number). ") == true }
        #expect(body(opened).contains("Baldrige"))
        #expect(try r.quit() == 0)
    }

    @Test func whoINFShowsTheTermsExpansion() throws {
        let r = try reader(at: "175")
        try r.type(":who INF")
        try r.press("Enter")
        let (name, description) = try Self.entry("t_INF_1")
        #expect(name == "INF")
        let screen = try r.waitUntil("the INF entry") { $0.contains(description) }
        #expect(screen.contains("Term"))
        try r.press("Escape")  // the entry closes first
        #expect(try r.quit() == 0)
    }

    @Test func datesInTheTitleBarAndContentsAndDateOpensTheNearestDocument() throws {
        let r = try reader(at: "175")
        let date175 = try #require(Self.documents.first { $0.number == "175" }?.date)
        #expect(try r.titleRow.contains(date175))
        try r.press("t")
        let contents = try r.waitUntil("the contents") { $0.contains("┌ Contents") }
        let row = contents.split(separator: "\n").first { $0.contains("175. Memorandum") }
        #expect(row?.contains(date175) == true, "contents row of 175 has its date")
        // The front matter first, its sections by their heads in the TEI.
        try r.press("Home")
        let top = try r.waitUntil("the top of the contents") { $0.contains("Front matter") }
        let front = try #require(Self.tei.range(of: "<front>").flatMap { a in Self.tei.range(of: "</front>").map { String(Self.tei[a.upperBound..<$0.lowerBound]) } })
        let preface = try #require(Self.first(#"xml:id="preface"[^>]*>\s*<head>([^<]+)</head>"#, in: front))
        #expect(top.contains(Self.plain(preface)))
        // Tab: date order; the rows are dated in order.
        try r.press("Tab")
        let byDate = try r.waitUntil("date order") { $0.contains("by date") }
        let shownDates = byDate.split(separator: "\n").compactMap { Self.first(#"│\s+(\d{4}-\d{2}-\d{2})\s+\d+\. "#, in: String($0)) }
        #expect(shownDates.count > 5)
        #expect(shownDates == shownDates.sorted())
        try r.press("Escape")
        // A date only one document has: :date opens it.
        let dates = Self.documents.compactMap(\.date)
        let unique = try #require(Self.documents.first { d in d.number != "175" && d.date.map { x in dates.filter { $0 == x }.count == 1 } == true })
        try r.command("date \(unique.date!)", thenTitle: "\(unique.number). ")
        #expect(try r.titleRow.contains(unique.date!))
        #expect(try r.quit() == 0)
    }

    @Test func citedByEntriesShowTheirDates() throws {
        // The document most cited within the volume, and a document citing it.
        let cited = "166"
        let citing = try #require(Self.documents.first { $0.text.contains("target=\"#d\(cited)\"") && $0.number != cited })
        let date = try #require(citing.date)
        let r = try reader(at: cited)
        // The navigator's last entries are the documents citing this one.
        try r.press("w")
        try r.press("w")
        try r.press("G")
        try r.sync()
        let screen = try r.stableScreen()
        // "← 170 n. 2 · 1985-12-12 · Memorandum …": the citing document, where it cites, its date.
        let line = screen.split(separator: "\n").first {
            $0.range(of: "← +\(citing.number) ", options: .regularExpression) != nil
        }
        #expect(line?.contains(date) == true, "the cited-by entry of \(citing.number) shows \(date) in:\n\(screen)")
        #expect(try r.quit() == 0)
    }

    @Test func searchResultsShowDates() throws {
        let r = try reader(at: "175")
        try r.press("S")
        try r.type("Baldrige")
        try r.press("Enter")
        let results = try r.waitUntil("the results") { $0.contains("┌ Search") && $0.contains("best first") }
        let rows = results.split(separator: "\n").filter { row in Self.documents.contains { d in row.contains("│ \(d.number). ") } }
        #expect(!rows.isEmpty)
        for row in rows {
            let d = try #require(Self.documents.first { row.contains("│ \($0.number). ") })
            if let date = d.date { #expect(row.contains(date), "result \(d.number) shows \(date)") }
        }
        try r.press("Escape")  // the results close first
        #expect(try r.quit() == 0)
    }

    @Test func yAndYEmitOSC52AndOOpensTheBrowser() throws {
        let folder = try Fixtures.temporaryFolder("frusread-e2e-browser")
        let opened = folder.appendingPathComponent("opened").path
        let browser = folder.appendingPathComponent("browser").path
        try "#!/bin/sh\nprintf '%s' \"$1\" > \(opened)\n".write(toFile: browser, atomically: true, encoding: .utf8)
        chmod(browser, 0o755)
        let r = try reader(at: "175", environment: ["BROWSER": browser])
        // tmux takes OSC 52 from the program into its paste buffer when set-clipboard is on.
        try r.tmuxCommand(["set", "-g", "set-clipboard", "on"])
        let address = "https://history.state.gov/historicaldocuments/frus1981-88v05/d175"
        try r.press("Y")
        _ = try r.waitUntil("Copied") { $0.contains("Copied: " + address) }
        #expect(try waitForBuffer(r) { $0 == address })
        try r.press("y")
        _ = try r.waitUntil("Copied the citation") { $0.contains("Copied: Memorandum") }
        let head = try #require(Self.first(#"(<head>175\.(?:(?!</head>).)*</head>)"#, in: Self.tei.replacingOccurrences(of: "\n", with: " ")))
        let title = Self.plain(head.replacingOccurrences(of: #"<note\b.*?</note>"#, with: "", options: .regularExpression))
            .replacingOccurrences(of: #"^175\. "#, with: "", options: .regularExpression)
        #expect(try waitForBuffer(r) { $0.hasPrefix(title) && $0.hasSuffix(address) })
        try r.press("o")
        _ = try r.waitUntil("Opened") { $0.contains("Opened in") }
        var content = ""
        for _ in 0..<200 where content.isEmpty {
            content = (try? String(contentsOfFile: opened, encoding: .utf8)) ?? ""
            if content.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(content == address)
        // The screen is still the reader's.
        #expect(try r.titleRow.contains("175. "))
        #expect(try r.quit() == 0)
    }

    @Test func pXIIIOpensTheFrontMatterPageByItsRomanNumber() throws {
        // Where page XIII begins in the TEI: inside a section, or just before one. The section
        // shown is the one holding the page's first words (the next section's when the break
        // stands between sections).
        let pb = try #require(Self.tei.range(of: #"<pb\b[^>]*\bn="XIII""#, options: .regularExpression))
        let after = String(Self.tei[pb.upperBound...])
        let nextDiv = try #require(after.range(of: "<div\\b", options: .regularExpression))
        let nextClose = after.range(of: "</div>")
        #expect(nextClose.map { $0.lowerBound > nextDiv.lowerBound } == true, "in this volume XIII stands between sections")
        let head = try #require(Self.first(#"<head>([^<]+)</head>"#, in: String(after[nextDiv.lowerBound...])))
        let firstItem = try #require(Self.first(#"<ref[^>]*>([^<]+)</ref>"#, in: String(after[nextDiv.lowerBound...])))
        let r = try reader(at: "175")
        try r.type(":p XIII")
        try r.press("Enter")
        let screen = try r.waitUntil("page XIII") { $0.split(separator: "\n").first?.contains(Self.plain(head)) == true }
        #expect(body(screen).contains(Self.plain(firstItem)))
        // Back returns to 175.
        try r.press("BSpace")
        _ = try r.waitUntil("back at 175") { $0.split(separator: "\n").first?.contains("175. ") == true }
        #expect(try r.quit() == 0)
    }

    /// The partial volume and a copy of it under another id: persons lists with other ids in
    /// each volume, and the same names in the text.
    func twoVolumes() throws -> URL {
        let source = try #require(Fixtures.partialVolume)
        let folder = try Fixtures.temporaryFolder("frusread-e2e-elsewhere")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("frus1981-88v05.xml"))
        try Self.tei.replacingOccurrences(of: "frus1981-88v05", with: "frus1981-88v99")
            .write(to: folder.appendingPathComponent("frus1981-88v99.xml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func anEntryListsTheSameNameInOtherVolumesFromTheSearchIndex() throws {
        let corpus = try twoVolumes()
        var env = try folders()
        // The units the index holds: each document, and each section of the front and back
        // matter; those whose text has the word "Baldrige" are the other volume's rows.
        let units = Self.documents.map(\.text) + ["front", "back"].flatMap { part -> [String] in
            guard let a = Self.tei.range(of: "<\(part)>"), let b = Self.tei.range(of: "</\(part)>") else { return [] }
            return Self.topLevelDivs(String(Self.tei[a.upperBound..<b.lowerBound]))
        }
        let expected = units.filter { Self.plain($0).range(of: #"(?i)\bbaldrige\b"#, options: .regularExpression) != nil }.count
        #expect(expected > 0)

        // No index yet: the entry says so, and how to get one.
        let r = try TmuxSession.reader(corpus: corpus.path, width: 120, height: 40, environment: env, waitingFor: "┌")
        try r.command("175", thenTitle: "175. ")
        try r.type(":who Baldrige")
        try r.press("Enter")
        _ = try r.waitUntil("no index") { $0.contains("Other volumes: no search index yet") }
        try r.press("Escape")  // the entry closes first
        #expect(try r.quit() == 0)

        // With the index (built by the CLI, as `S` would), the other volume's documents.
        let built = try FrusreadBinary.run(["index", "--corpus", corpus.path], environment: env.mapValues { Optional($0) })
        #expect(built.status == 0, "\(built.stderr)")
        let s = try TmuxSession.reader(corpus: corpus.path, width: 120, height: 40, environment: env, waitingFor: "┌")
        try s.command("175", thenTitle: "175. ")
        try s.type(":who Baldrige")
        try s.press("Enter")
        let screen = try s.waitUntil("the other volume") { $0.contains("other volume") && !$0.contains("looking for") }
        let heading = "\"Baldrige\" in \(expected) document\(expected == 1 ? "" : "s") of 1 other volume"
        #expect(screen.contains(heading), "\(heading) in:\n\(screen)")
        #expect(screen.contains("frus1981-88v99/"))
        // Enter on the first of them (End: the last rows are the other volume's; g then the
        // count of this volume's rows would do too) opens it at the name.
        try s.press("End")
        try s.press("Enter")
        let opened = try s.waitUntil("a document of v99") { $0.contains("frus1981-88v99") || $0.contains("vol. XCIX") }
        #expect(body(opened).contains("Baldrige"), "the name is in view:\n\(opened)")
        #expect(try s.quit() == 0)
    }

    /// The `div`s directly inside a fragment of TEI (front or back matter), as text.
    static func topLevelDivs(_ xml: String) -> [String] {
        var out: [String] = []
        var depth = 0
        var start: String.Index?
        var i = xml.startIndex
        while let r = xml.range(of: #"</?div\b"#, options: .regularExpression, range: i..<xml.endIndex) {
            if xml[r].hasPrefix("</") {
                depth -= 1
                if depth == 0, let s = start { out.append(String(xml[s..<r.upperBound])); start = nil }
            } else {
                if depth == 0 { start = r.lowerBound }
                depth += 1
            }
            i = r.upperBound
        }
        return out
    }

    /// Polls tmux's paste buffer until `condition` holds (false after the patience runs out).
    func waitForBuffer(_ r: TmuxSession, _ condition: (String) -> Bool) throws -> Bool {
        for _ in 0..<200 {
            if let buffer = try? r.tmuxCommand(["show-buffer"]), condition(buffer) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
