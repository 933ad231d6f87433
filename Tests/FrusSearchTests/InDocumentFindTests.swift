import FrusFind
import FrusLayout
import FrusModel
import Testing

/// Search in the open document: smartcase, diacritics, apostrophes, positions on laid-out lines.
@Suite struct InDocumentFindTests {
    func found(_ query: String, in text: String) -> [String] {
        TextFinder(.literal(query)).ranges(in: text).map { String(text[$0]) }
    }

    @Test func lowerCaseQueryIgnoresCase() {
        #expect(found("geneva", in: "Geneva, GENEVA and geneva.") == ["Geneva", "GENEVA", "geneva"])
    }

    @Test func aCapitalMakesItCaseSensitive() {
        #expect(found("Geneva", in: "Geneva, GENEVA and geneva.") == ["Geneva"])
        #expect(found("US", in: "the US and us") == ["US"])
    }

    @Test func apostrophesAreAllTheSame() {
        let text = "Gorbachev’s letter; Gorbachev's reply; Gorbachevs"
        #expect(found("gorbachev", in: text) == ["Gorbachev", "Gorbachev", "Gorbachev"])
        #expect(found("gorbachev's", in: text) == ["Gorbachev’s", "Gorbachev's"])
        #expect(found("Gorbachev’s", in: text) == ["Gorbachev’s", "Gorbachev's"])
    }

    @Test func diacriticsDoNotMatter() {
        #expect(found("sacharov", in: "Sáchárov and Sacharov") == ["Sáchárov", "Sacharov"])
        #expect(found("Élysée", in: "the Elysee and the Élysée") == ["Elysee", "Élysée"])
        // Smartcase still applies to the accented capital.
        #expect(found("Élysée", in: "the elysee") == [])
    }

    @Test func whiteSpaceMatchesAnyWhiteSpace() {
        #expect(found("divided spouses", in: "the divided\n  spouses and divided spouses") == ["divided\n  spouses", "divided spouses"])
        #expect(found("  divided  ", in: "undivided") == ["divided"])
    }

    @Test func blankQueryFindsNothing() {
        #expect(found("", in: "anything") == [])
        #expect(found("   ", in: "any thing") == [])
        #expect(FindPattern.literal(" ").isEmpty)
    }

    @Test func matchesDoNotOverlap() {
        #expect(found("aa", in: "aaaaa").count == 2)
    }

    @Test func corpusTermsMatchWholeWordsAndPrefixes() throws {
        let q = try SearchQuery(parsing: #"Shcharan* "divided spouses" rights -Moscow"#)
        let text = "Shcharanskiy’s case: divided—spouses, human rights, copyrights; Moscow."
        let got = TextFinder(.terms(q)).ranges(in: text).map { String(text[$0]) }
        // "copyrights" is not the word "rights"; excluded terms are not highlighted.
        #expect(got == ["Shcharanskiy", "divided—spouses", "rights"])
    }

    // MARK: Laid-out lines

    func line(_ runs: [(String, StyleRole)]) -> LaidOutLine {
        LaidOutLine(runs: runs.map { StyledRun(text: $0.0, role: $0.1, width: DisplayWidth.of($0.0)) })
    }

    @Test func matchesMapToLinesAndColumns() {
        let text = LaidOutText(width: 20, lines: [
            line([("The divided", .text)]),
            line([("spouses of Gorbachev’s", .text)]),
        ])
        let matches = TextFinder(.literal("divided spouses")).matches(in: text)
        #expect(matches == [LaidOutMatch(spans: [Span(line: 0, columns: 4..<11), Span(line: 1, columns: 0..<7)])])
        let g = TextFinder(.literal("gorbachev's")).matches(in: text)
        #expect(g == [LaidOutMatch(spans: [Span(line: 1, columns: 11..<22)])])
    }

    @Test func markersAndPageTagsAreSkipped() {
        let text = LaidOutText(width: 40, lines: [
            line([("unfortu", .text), ("[Page 766]", .page), ("nately in Moscow.", .text), ("[2]", .marker)]),
        ])
        let m = TextFinder(.literal("unfortunately")).matches(in: text)
        #expect(m == [LaidOutMatch(spans: [Span(line: 0, columns: 0..<23)])])
        #expect(TextFinder(.literal("page")).matches(in: text).isEmpty)
    }

    @Test func columnsCountDisplayWidth() {
        let text = LaidOutText(width: 40, lines: [line([("東京 Tokyo", .text)])])
        #expect(TextFinder(.literal("tokyo")).matches(in: text) == [LaidOutMatch(spans: [Span(line: 0, columns: 5..<10)])])
    }

    @Test func combiningAccentsAfterASCIILettersStayOneCharacter() {
        // "Sa" + U+0301: the "a" with its accent is one character of one column, not an ASCII
        // "a" and a stray mark (the fast path for ASCII bytes must not split it).
        let text = LaidOutText(width: 40, lines: [line([("Sa\u{301}charov and Sakharov`s", .text)])])
        #expect(TextFinder(.literal("sacharov")).matches(in: text) == [LaidOutMatch(spans: [Span(line: 0, columns: 0..<8)])])
        #expect(TextFinder(.literal("Sáchárov")).matches(in: text).count == 1, "accents in the query do not matter either")
        #expect(TextFinder(.literal("SACHAROV")).matches(in: text).isEmpty, "capitals: case-sensitive")
        #expect(TextFinder(.literal("sakharov's")).matches(in: text) == [LaidOutMatch(spans: [Span(line: 0, columns: 13..<23)])])
    }

    @Test func realDocumentLaidOutAtSeveralWidths() throws {
        // Every occurrence in the document text is found on the laid-out lines, at any width.
        let doc = Document(
            volumeID: "v", number: "1", titleInlines: [.text("Geneva")],
            blocks: [.paragraph([.text(String(repeating: "The talks at Geneva went on. ", count: 12))], .normal)],
            footnotes: [])
        for width in [12, 20, 33, 80] {
            let laid = Layout.document(doc, LayoutOptions(width: width))
            let matches = TextFinder(.literal("geneva")).matches(in: laid)
            #expect(matches.count == 13, "width \(width)")
            for m in matches {
                let spanText = m.spans.map { span in
                    String(Array(laid.lines[span.line].text)[span.columns])
                }.joined()
                #expect(spanText.lowercased() == "geneva", "width \(width)")
            }
        }
    }

    // MARK: n / N

    func matches(onLines lines: [Int]) -> [LaidOutMatch] {
        lines.map { LaidOutMatch(spans: [Span(line: $0, columns: 0..<1)]) }
    }

    @Test func cursorStartsAtTheFirstMatchBelowAndWraps() {
        var cursor = MatchCursor(matches: matches(onLines: [2, 10, 30]), fromLine: 5)
        #expect(cursor.status == "match 2 of 3")
        cursor.next()
        #expect(cursor.currentMatch?.firstLine == 30)
        cursor.next()
        #expect(cursor.status == "match 1 of 3")
        #expect(cursor.wrapped)
        cursor.previous()
        #expect(cursor.status == "match 3 of 3")
        #expect(cursor.wrapped)
        cursor.previous()
        #expect(cursor.status == "match 2 of 3")
        #expect(!cursor.wrapped)
    }

    @Test func cursorBelowTheLastMatchWrapsToTheFirst() {
        let cursor = MatchCursor(matches: matches(onLines: [2, 10]), fromLine: 50)
        #expect(cursor.status == "match 1 of 2")
    }

    @Test func noMatches() {
        var cursor = MatchCursor(matches: [], fromLine: 0)
        cursor.next()
        #expect(cursor.current == nil)
        #expect(cursor.status == "no match")
    }

    // MARK: Snippets

    @Test func snippetPartsFromMarkedText() {
        let s = Snippet(marked: "…as the Sakharovs, Anatoliy \u{E000}Shcharanskiy\u{E001} and…")
        #expect(s.parts.map(\.isMatch) == [false, true, false])
        #expect(s.marked() == "…as the Sakharovs, Anatoliy [Shcharanskiy] and…")
        #expect(s.text == "…as the Sakharovs, Anatoliy Shcharanskiy and…")
    }
}
