import Testing
import FrusModel
@testable import FrusLayout

@Suite struct BlockLayoutTests {
    @Test func headingGroupIsTitleSubjectDatelineThenABlankLine() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 100))
        #expect(Array(out.texts.prefix(4)) == [
            "12a. Editorial Note on Document 1 [1]",
            "Subject: Everything a document can hold",
            "Washington, January 13, 1986",
            "",
        ])
        #expect(out.visibleRoles(ofLine: 0) == [.title, .link, .marker])
        #expect(out.visibleRoles(ofLine: 1) == [.subject])
        #expect(out.visibleRoles(ofLine: 2) == [.dateline])
    }

    @Test func subjectHangsUnderItsLabel() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 30))
        let first = try! #require(out.lineIndex(containing: "Subject:"))
        #expect(Array(out.texts[first...first + 2]) == [
            "Subject: Gorbachev Response to", "         Your Human Rights", "         Letter",
        ])
    }

    @Test func blocksAreSeparatedByExactlyOneBlankLine() {
        for doc in [Samples.document175, Samples.document168, Samples.everyBlockKind] {
            let out = Layout.document(doc, LayoutOptions(width: 72, includeFootnotes: true))
            for i in 1..<out.lines.count {
                #expect(!(out.texts[i].isEmpty && out.texts[i - 1].isEmpty), "double blank at \(i) in \(doc.number)")
            }
            #expect(out.texts.first?.isEmpty == false && out.texts.last?.isEmpty == false)
        }
        let out = Layout.document(Samples.document175, LayoutOptions(width: 200))
        let first = try! #require(out.lineIndex(containing: "Dobrynin came by"))
        let second = try! #require(out.lineIndex(containing: "The letter is non-polemical"))
        #expect(second == first + 2 && out.texts[first + 1].isEmpty)
    }

    @Test func salutationCloserAndAttachmentAreStyledAndSetOff() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 80))
        let salutation = try! #require(out.lineIndex(containing: "Dear Mr. President,"))
        #expect(out.visibleRoles(ofLine: salutation) == [.salutation])
        let closer = try! #require(out.lines.lastIndex { $0.text == "M. Gorbachev" })
        #expect(out.visibleRoles(ofLine: closer) == [.closer])
        let heading = try! #require(out.lineIndex(containing: "Letter From Soviet General Secretary"))
        #expect(out.visibleRoles(ofLine: heading) == [.attachment, .marker])
        // A rule sets the attachment off from the memorandum before it.
        #expect(out.texts[heading - 1] == String(repeating: "─", count: 80))
        #expect(out.texts[heading - 2].isEmpty)
        #expect(out.texts[heading + 1].isEmpty)
        #expect(salutation > heading)
    }

    @Test func closerLinesBreakWhereTheModelSays() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 80))
        let sincerely = try! #require(out.lines.firstIndex { $0.text == "Sincerely," })
        #expect(out.texts[sincerely + 1] == "Ronald Reagan")
        #expect(out.visibleRoles(ofLine: sincerely + 1) == [.closer])
    }

    @Test func headingsDatelinesAndEditorialNotesHaveTheirRoles() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 100))
        let heading = try! #require(out.lineIndex(containing: "Part One:"))
        #expect(out.visibleRoles(ofLine: heading) == [.heading, .link])
        let dateline = try! #require(out.lineIndex(containing: "Moscow, February 5, 1986"))
        #expect(out.visibleRoles(ofLine: dateline) == [.dateline])
        let note = try! #require(out.lineIndex(containing: "not declassified"))
        #expect(out.visibleRoles(ofLine: note) == [.editorial, .link])
        let label = try! #require(out.lineIndex(containing: "Tab A, see Document 6"))
        #expect(out.texts[label + 1] == "Talking Points")
        #expect(out.visibleRoles(ofLine: label + 1) == [.attachment])
    }

    @Test func listItemsHangUnderBulletsAndRightAlignedNumbers() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 40))
        let first = try! #require(out.lineIndex(containing: "Item 1 of"))
        #expect(out.texts[first] == " 1. Item 1 of the ordered list, long")
        #expect(out.texts[first + 1] == "    enough to wrap under its number.")
        #expect(out.texts[first + 2].hasPrefix(" 2. Item 2"))  // no blank line between items
        let tenth = try! #require(out.lineIndex(containing: "Item 10 of"))
        #expect(out.texts[tenth].hasPrefix("10. Item 10"))
        let bullet = try! #require(out.lineIndex(containing: "A bullet citing"))
        #expect(out.texts[bullet] == "• A bullet citing Document 3.")
        let nested = try! #require(out.lineIndex(containing: "nested item"))
        #expect(out.texts[nested] == "  • nested item")
    }

    @Test func narrowListsSetTheBulletAsAWordInsteadOfIndenting() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 8))
        let first = try! #require(out.lineIndex(containing: "1. Item"))
        #expect(out.texts[first] == "1. Item")
    }

    @Test func quotesAreIndented() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 40))
        let quote = try! #require(out.lineIndex(containing: "Quoted words"))
        #expect(out.texts[quote] == "    Quoted words that run on for a")
        #expect(out.texts[quote + 1] == "    while, citing Document 4.")
        #expect(out.visibleRoles(ofLine: quote) == [.quote])
    }

    @Test func tablesAreAGridWhenTheyFit() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 70))
        let header = try! #require(out.lineIndex(containing: "Name"))
        #expect(Array(out.texts[header..<header + 4]) == [
            "Name     │ Office                                 │ See",
            "Shultz   │ Secretary of State                     │ Document 5",
            "Dobrynin │ Soviet Ambassador to the United States │ —",
            "",
        ])
        #expect(out.role(atLine: header, column: 9) == .tableBorder)
        let link = try! #require(out.references.first { if case .link(.document(_, "5"), _) = $0.kind { return true } else { return false } })
        #expect(out.text(of: link) == "Document 5")
        #expect(link.spans == [Span(line: header + 1, columns: 52..<62)])
    }

    @Test func narrowerTablesWrapCellsAndRuleTheRows() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 50))
        let header = try! #require(out.lineIndex(containing: "Name"))
        #expect(Array(out.texts[header..<header + 6]) == [
            "Name     │ Office                     │ See",
            "─────────┼────────────────────────────┼───────────",
            "Shultz   │ Secretary of State         │ Document 5",
            "─────────┼────────────────────────────┼───────────",
            "Dobrynin │ Soviet Ambassador to the   │ —",
            "         │ United States              │",
        ])
    }

    @Test func tablesDegradeToStackedCellsWhenNarrow() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 20))
        let name = try! #require(out.lineIndex(containing: "Name"))
        #expect(Array(out.texts[name..<name + 4]) == ["Name", "Office", "See", String(repeating: "─", count: 20)])
        #expect(!out.texts.contains { $0.contains("│") })
    }

    @Test func centeredParagraphsAreCentered() {
        let out = Layout.document(Samples.everyBlockKind, LayoutOptions(width: 33))
        let line = try! #require(out.lineIndex(containing: "Centered line"))
        #expect(out.texts[line] == "          Centered line")
    }

    @Test func footnotesFollowTheBodyAsNumberedHangingParagraphs() {
        let out = Layout.document(Samples.document175, LayoutOptions(width: 60, includeFootnotes: true))
        let rule = try! #require(out.lines.lastIndex { $0.text.hasPrefix("───") })
        #expect(out.texts[rule - 1].isEmpty)
        #expect(out.texts[rule - 2] == "M. Gorbachev")
        #expect(out.texts[rule + 2] == "1. Source: Reagan Library, Executive Secretariat, NSC Head")
        #expect(out.texts[rule + 3] == "   of State File, U.S.S.R.: General Secretary Gorbachev")
        #expect(out.visibleRoles(ofLine: rule + 2) == [.footnoteNumber, .text])
        #expect(out.texts.contains("2. See Document 168."))
        #expect(out.footnoteLines[1]?.lowerBound == rule + 2)
        #expect(Layout.document(Samples.document175, LayoutOptions(width: 60)).footnoteLines.isEmpty)
    }

    @Test func footnotePaneRangesCoverEachFootnoteWithBlankLinesBetween() {
        let pane = Layout.footnotes(Samples.document175, width: 40)
        #expect(pane.footnoteLines.keys.sorted() == [1, 2, 3, 4, 5])
        var expectedStart = 0
        for n in 1...5 {
            let range = try! #require(pane.footnoteLines[n])
            #expect(range.lowerBound == expectedStart)
            #expect(pane.texts[range.lowerBound].hasPrefix("\(n). "))
            #expect(pane.texts[range].allSatisfy { !$0.isEmpty })
            if n < 5 { #expect(pane.texts[range.upperBound].isEmpty) }
            expectedStart = range.upperBound + 1
        }
        #expect(pane.lines.count == pane.footnoteLines[5]!.upperBound)
        #expect(pane.texts[pane.footnoteLines[2]!] == ["2. See Document 168."])
        #expect(pane.texts[pane.footnoteLines[4]!.lowerBound + 1].hasPrefix("   "))
    }

    @Test func aFootnoteOfSeveralParagraphsStaysOneBlock() {
        let pane = Layout.footnotes(Samples.everyBlockKind, width: 60)
        let range = try! #require(pane.footnoteLines[2])
        #expect(pane.texts[range] == ["2. First paragraph of a note.", "   Second, citing Document 10. [Page 12]"])
        #expect(pane.pages.map(\.page) == ["12"])
    }
}

@Suite struct InlineLookTests {
    @Test func typographicStylesAndMentionsReachTheRuns() {
        let doc = document([paragraph(
            .text("The "), .styled(.italic, [.text("New York Times")]), .text(" quoted "),
            .mention(.person("p_GMS1"), [.text("Gorbachev")]), .text("."))])
        let out = Layout.document(doc, LayoutOptions(width: 80))
        let line = try! #require(out.lines.last)
        #expect(line.text == "The New York Times quoted Gorbachev.")
        let italic = line.runs.filter { $0.styles == [.italic] }
        // The spaces inside the italic title are italic too (an underline would not break).
        #expect(italic.map(\.text) == ["New York Times"])
        // The mention keeps the look around it and is marked as one.
        let name = line.runs.first { $0.text == "Gorbachev" }
        #expect(name?.role == .text)
        #expect(name?.isMention == true)
        #expect(out.mentions.map(\.mention) == [.person("p_GMS1")])
    }

    @Test func anEmptyDocumentLaysOutToNothingButItsTitle() {
        let doc = Document(volumeID: Samples.volume, number: "", titleInlines: [], blocks: [], footnotes: [])
        #expect(Layout.document(doc, LayoutOptions(width: 40, includeFootnotes: true)).lines.isEmpty)
        #expect(Layout.footnotes(doc, width: 40).lines.isEmpty)
        let titled = document([])
        #expect(Layout.document(titled, LayoutOptions(width: 40)).texts == ["1. Test"])
    }
}
