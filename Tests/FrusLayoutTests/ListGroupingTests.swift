import Foundation
import FrusImport
import FrusModel
import FrusTestSupport
import Testing

@testable import FrusLayout

/// A list's head stands with its items: a blank line before a group head ("Treasury"), none
/// between a head and its first item. Expectations come from the TEI itself: each `<list>`
/// with a `<head>` in a document, and the text of its first item.
@Suite struct ListGroupingTests {
    /// A list of the TEI: its head's text, its first item's text (footnotes left out), and
    /// whether it is nested in another list (a group).
    struct TEIList {
        var head: String
        var firstItem: String?
        var nested: Bool
    }

    /// The lists of document `number`, read from the TEI's text with patterns (independent of
    /// the importer under test).
    static func teiLists(_ xml: String, document number: String) -> [TEIList] {
        guard let start = xml.range(of: "xml:id=\"d\(number)\"") else { return [] }
        let rest = xml[start.upperBound...]
        let end = rest.range(of: "<div[^>]*xml:id=\"d[0-9]+\"", options: .regularExpression)?.lowerBound ?? rest.endIndex
        let doc = String(rest[..<end]).replacingOccurrences(of: "<note[^>]*>[\\s\\S]*?</note>", with: "", options: .regularExpression)
        var out: [TEIList] = []
        var depth = 0
        var scan = doc[...]
        while let tag = scan.range(of: "<list( [^>]*)?>|</list>", options: .regularExpression) {
            if doc[tag].hasPrefix("</") {
                depth -= 1
                scan = doc[tag.upperBound...]
                continue
            }
            depth += 1
            let after = doc[tag.upperBound...]
            if let head = after.range(of: "^\\s*<head>([\\s\\S]*?)</head>", options: .regularExpression) {
                let headXML = String(after[head]).replacingOccurrences(of: "^\\s*<head>", with: "", options: .regularExpression)
                var first: String?
                let itemPart = after[head.upperBound...]
                if let item = itemPart.range(of: "^\\s*<item>([\\s\\S]*?)</item>", options: .regularExpression),
                    !itemPart[item].contains("<list")
                {
                    first = plain(String(itemPart[item]))
                }
                out.append(TEIList(head: plain(headXML.replacingOccurrences(of: "</head>", with: "")), firstItem: first, nested: depth > 1))
            }
            scan = doc[tag.upperBound...]
        }
        return out
    }

    static func plain(_ xml: String) -> String {
        xml.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
    }

    static func laidOut(_ number: String, width: Int = 80) throws -> (LaidOutText, [TEIList])? {
        guard let url = Fixtures.partialVolume else {
            print(Fixtures.sharedMissing)
            return nil
        }
        let corpus = try CorpusLoader.open(url.path)
        let volume = try #require(corpus.volumeIDs.first)
        let doc = try #require(corpus.document(volume: volume, number: number))
        let xml = try String(contentsOf: url, encoding: .utf8)
        return (Layout.document(doc, LayoutOptions(width: width, includeFootnotes: true)), teiLists(xml, document: number))
    }

    /// Every head of the document's lists: a group head has a blank line before it; every head
    /// is directly followed by its first item (when that item is text, not another group).
    func checkHeads(_ number: String, expectGroups: Bool) throws {
        guard let (out, lists) = try Self.laidOut(number) else { return }
        let texts = out.texts.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!lists.isEmpty, "document \(number) has lists with heads in the TEI")
        #expect(lists.contains { $0.nested } == expectGroups)
        var searchFrom = 0
        for list in lists {
            guard let at = texts[searchFrom...].firstIndex(of: list.head) else {
                Issue.record("head “\(list.head)” of document \(number) not drawn on a line of its own")
                continue
            }
            searchFrom = at + 1
            if list.nested {
                #expect(at > 0 && texts[at - 1].isEmpty, "a blank line before group head “\(list.head)” (\(number))")
            }
            if let first = list.firstItem {
                // The item's text, after its bullet or number if the list has them.
                let next = (at + 1 < texts.count ? texts[at + 1] : "")
                    .replacingOccurrences(of: "^(•|[0-9]+\\.) ", with: "", options: .regularExpression)
                #expect(!next.isEmpty && first.hasPrefix(next.prefix(20)),
                        "“\(list.head)” directly followed by its first item “\(first)”, not “\(next)” (\(number))")
            }
        }
    }

    /// 144: a participants list of single names, then groups ("State", "Treasury", …).
    @Test func participantsWithNamesThenGroups() throws { try checkHeads("144", expectGroups: true) }

    /// 136: a participants list made only of groups ("U.S.", "U.S.S.R.").
    @Test func participantsMadeOfGroups() throws { try checkHeads("136", expectGroups: true) }

    /// 131: a subject list ("SUBJECT" over its one item).
    @Test func subjectList() throws { try checkHeads("131", expectGroups: false) }

    /// The last name of a group is never followed directly by the next group's head.
    @Test func aGroupsLastNameIsNotRunIntoTheNextHead() throws {
        guard let (out, lists) = try Self.laidOut("144") else { return }
        let texts = out.texts.map { $0.trimmingCharacters(in: .whitespaces) }
        for list in lists where list.nested {
            guard let at = texts.firstIndex(of: list.head), at > 1 else { continue }
            #expect(texts[at - 1].isEmpty)
        }
        // …and there is no blank line inside a group: head, then its names.
        if let treasury = texts.firstIndex(of: "Treasury") {
            #expect(texts[treasury + 1].hasPrefix("Secretary Baker"))
        }
    }

    /// The head keeps its emphasis (heading role, the TEI's italic).
    @Test func aGroupHeadKeepsItsEmphasis() throws {
        guard let (out, _) = try Self.laidOut("136") else { return }
        let line = try #require(out.lines.firstIndex { $0.text.trimmingCharacters(in: .whitespaces) == "U.S.S.R." })
        let run = try #require(out.lines[line].runs.first { $0.text.contains("U.S.S.R.") })
        #expect(run.role == .heading)
        #expect(run.styles.contains(.italic))
    }

    /// The same rule on a model built by hand: a heading right before a list is its head.
    @Test func aHeadingBeforeAListStaysWithIt() {
        let group: [Block] = [.heading([.text("Treasury")]), .list(.plain, [[.paragraph([.text("Secretary Baker")], .normal)]])]
        let doc = Document(volumeID: "v", number: "1", titleInlines: [.text("Memo")], subject: nil, dateline: nil, blocks: [
            .heading([.text("PARTICIPANTS")]),
            .list(.participants, [
                [.paragraph([.text("The President")], .normal)],
                [.heading([.text("State")]), .list(.plain, [[.paragraph([.text("Assistant Secretary Ridgway")], .normal)]])],
                group,
            ]),
            .paragraph([.text("Body.")], .normal),
        ], footnotes: [])
        let text = Layout.document(doc, LayoutOptions(width: 60)).texts
        #expect(text == [
            "1. Memo", "", "PARTICIPANTS", "The President", "", "State", "Assistant Secretary Ridgway", "",
            "Treasury", "Secretary Baker", "", "Body.",
        ])
    }
}
