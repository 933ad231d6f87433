import Foundation
import FrusTestSupport
import Testing

/// Issue 5's acceptance in a real terminal: `/Geneva` then `n` moves between matches; `S`
/// `Shcharanskiy` lists both documents and `Enter` opens one at the match. Each test has its
/// own cache folder (XDG_CACHE_HOME), so the user's index is never touched.
@Suite(.enabled(if: TmuxSession.isAvailable, tmuxMissing))
struct SearchE2ETests {
    /// A fresh cache folder for one test.
    func cacheFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-e2e-cache-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The status row's "match K of N", as (K, N).
    func matchCount(_ screen: String) -> (Int, Int)? {
        let status = screen.split(separator: "\n").last { !$0.isEmpty }.map(String.init) ?? ""
        guard let r = status.range(of: #"match (\d+) of (\d+)"#, options: .regularExpression) else { return nil }
        let numbers = status[r].split(separator: " ").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    @Test func slashGenevaThenNMovesBetweenMatches() throws {
        let cache = try cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        // 100×20: the document pane shows a dozen lines, so going through the matches scrolls.
        let r = try TmuxSession.reader(width: 100, height: 20, environment: ["XDG_CACHE_HOME": cache.path])
        try r.type("/Geneva")
        try r.waitUntil("the search prompt") { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("/Geneva") == true }
        try r.press("Enter")
        let first = try r.waitUntil("match 1") { matchCount($0)?.0 == 1 }
        let total = try #require(matchCount(first)?.1)
        #expect(total >= 3, "168 names Geneva several times")

        var documentPanes = [paneText(first, left: 0)]
        for k in 2...total {
            try r.press("n")
            let screen = try r.waitUntil("match \(k) of \(total)") { matchCount($0).map { $0 == (k, total) } ?? false }
            // The current match is on the screen (document or footnote pane), not only in the status.
            let panes = screen.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n")
            #expect(panes.contains("Geneva"), "match \(k) is in view")
            documentPanes.append(paneText(screen, left: 0))
        }
        #expect(Set(documentPanes).count > 1, "n scrolled the document to later matches")

        try r.press("n")
        try r.waitUntil("wrapped to match 1") {
            matchCount($0).map { $0 == (1, total) } ?? false && $0.contains("wrapped to the top")
        }
        try r.press("N")
        try r.waitUntil("N back to the last match") { matchCount($0).map { $0 == (total, total) } ?? false }
        #expect(try r.quit() == 0)
    }

    @Test func corpusSearchListsBothDocumentsAndOpensOneAtTheMatch() throws {
        let cache = try cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let r = try TmuxSession.reader(width: 120, height: 24, environment: ["XDG_CACHE_HOME": cache.path])
        try r.press("S")
        try r.type("Shcharanskiy")
        try r.press("Enter")
        // The rows under the title: the title row names 168 too (the reader opened on it).
        let results = try r.waitUntil("the results overlay with both documents") {
            let rows = $0.split(separator: "\n").dropFirst().joined(separator: "\n")
            return rows.contains("Search · all volumes") && rows.contains("“Shcharanskiy”: 2 documents")
                && rows.contains("168. Letter From President Reagan") && rows.contains("175. Memorandum From Secretary of State Shultz")
        }
        // The first result listed is the one Enter opens (the title row, naming 168, left out).
        let rows = results.split(separator: "\n").dropFirst().map(String.init)
        let row168 = try #require(rows.firstIndex { $0.contains("168. Letter From President Reagan") })
        let row175 = try #require(rows.firstIndex { $0.contains("175. Memorandum From Secretary") })
        let (opened, title) = row168 < row175 ? ("168", firstTitle) : ("175", title175)

        try r.press("Enter")
        let screen = try r.waitUntil("\(opened) opened at its match") {
            $0.split(separator: "\n").first?.contains(title) == true && !$0.contains("Search · all volumes")
                && matchCount($0)?.0 == 1
        }
        #expect(screen.contains("/Shcharanskiy: match 1 of"))
        #expect(paneText(screen, left: 0).contains { $0.contains("Shcharanskiy") }, "the match line is in the document pane")
        #expect(try #require(matchCount(screen)).1 >= 1)

        // S, Enter on an empty prompt: the same results again.
        try r.press("S")
        try r.press("Enter")
        try r.waitUntil("the last results reopened") { $0.contains("“Shcharanskiy”: 2 documents, best first") }
        try r.press("Escape")
        try r.waitUntil("the results closed") { !$0.contains("Search · all volumes") }
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("frusread").path),
                "the index went into XDG_CACHE_HOME")
        #expect(try r.quit() == 0)
    }
}
