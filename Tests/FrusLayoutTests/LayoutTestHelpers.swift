import Foundation
import FrusModel
@testable import FrusLayout

/// Reading helpers for assertions on laid-out text.
extension LaidOutText {
    /// The text drawn in a span (columns counted in display width).
    func text(at span: Span) -> String {
        guard lines.indices.contains(span.line) else { return "" }
        var out = ""
        var column = 0
        for character in lines[span.line].text {
            if span.columns.contains(column) { out.append(character) }
            column += DisplayWidth.of(character)
        }
        return out
    }

    /// The text of all spans of a reference, joined by a space (a wrapped label).
    func text(of reference: LaidOutReference) -> String {
        reference.spans.map { text(at: $0) }.joined(separator: " ")
    }

    var texts: [String] { lines.map(\.text) }

    /// The lines after the heading group (after the first blank line).
    var bodyTexts: [String] {
        guard let blank = lines.firstIndex(where: { $0.runs.isEmpty }) else { return [] }
        return Array(texts[(blank + 1)...])
    }

    /// All lines joined by spaces: the text as a reader reads it, whatever the wrapping.
    var joinedText: String { texts.filter { !$0.isEmpty }.joined(separator: " ") }

    /// Every non-space character drawn, in order: what a reader sees, whatever the wrapping.
    var inkStream: String {
        var out = ""
        for line in lines {
            for character in line.text where !character.isWhitespace && character != "─" { out.append(character) }
        }
        return out
    }

    /// The first line whose text contains `needle`.
    func lineIndex(containing needle: String) -> Int? { lines.firstIndex { $0.text.contains(needle) } }

    /// The role of the run that draws column `column` of line `line`.
    func role(atLine line: Int, column: Int) -> StyleRole? {
        var start = 0
        for run in lines[line].runs {
            if column >= start && column < start + run.width { return run.role }
            start += run.width
        }
        return nil
    }

    /// The roles of the runs on a line that hold visible text.
    func visibleRoles(ofLine line: Int) -> Set<StyleRole> {
        Set(lines[line].runs.filter { !$0.text.allSatisfy(\.isWhitespace) }.map(\.role))
    }
}

/// The words of a document's text (title, subject, blocks, footnotes), as the model holds
/// them: what must appear, in order, whatever the width.
func modelWords(_ doc: Document, footnotes: Bool) -> [String] {
    var texts = [doc.title, doc.subject ?? ""] + doc.blocks.map(\.plainText)
    if footnotes { texts += doc.footnotes.map(\.plainText) }
    return texts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
}

/// Non-space characters of `words` missing from `stream` (counted with multiplicity):
/// nothing lost, whatever the order (a grid interleaves the lines of its cells).
func missingCharacters(_ stream: String, _ words: [String]) -> [Character: Int] {
    var counts: [Character: Int] = [:]
    for character in stream { counts[character, default: 0] += 1 }
    var missing: [Character: Int] = [:]
    for word in words {
        for character in word {
            counts[character, default: 0] -= 1
            if counts[character]! < 0 { missing[character, default: 0] += 1 }
        }
    }
    return missing
}

/// The first of `words` not found in `stream` after the ones before it, in order; nil when
/// all are there.
func containsInOrder(_ stream: String, _ words: [String]) -> String? {
    var position = stream.startIndex
    for word in words {
        guard let found = stream.range(of: word, range: position..<stream.endIndex) else { return word }
        position = found.upperBound
    }
    return nil
}

func paragraph(_ inlines: Inline...) -> Block { .paragraph(inlines, .normal) }

func document(_ blocks: [Block], title: [Inline] = [.text("Test")], footnotes: [Footnote] = []) -> Document {
    Document(volumeID: Samples.volume, number: "1", titleInlines: title, blocks: blocks, footnotes: footnotes)
}
