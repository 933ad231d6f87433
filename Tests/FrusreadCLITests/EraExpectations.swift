import Foundation

/// What a FRUS TEI volume holds, computed with a plain XML walk in Python (ElementTree),
/// independent of frusread's importer: each document's number, its words in reading order,
/// and its footnotes (printed label and words), for the era fidelity tests.
enum EraExpectations {
    struct Note: Decodable { var label: String; var words: [String] }
    struct Doc: Decodable { var n: String; var words: [String]; var notes: [Note]; var frusValues: [String] }
    struct Volume: Decodable { var id: String?; var status: String?; var documents: [Doc] }

    /// The walk. Words are runs of letters and digits; block elements and `lb` separate
    /// words, inline elements (`hi`, `persName` …) and `pb` do not. A footnote (`note` with
    /// `@n` or `type="source"`, not `rend="inline"`) is not part of the text around it: its
    /// words are the note's. `frusValues` are the texts of `frus:` elements other than
    /// attachments (catalogue values that must never be printed bare).
    static let script = #"""
    import json, re, sys, unicodedata
    import xml.etree.ElementTree as ET
    T = '{http://www.tei-c.org/ns/1.0}'
    F = '{http://history.state.gov/frus/ns/1.0}'
    INLINE = {'hi', 'persName', 'placeName', 'date', 'ref', 'gloss', 'term', 'orgName', 'name', 'rs',
              'foreign', 'emph', 'title', 'idno', 'num', 'gap', 'pb', 'choice', 'abbr', 'expan',
              'sic', 'corr', 'unclear', 'add', 'del', 'q', 'said', 'time', 'measure'}
    WORD = re.compile(r'[^\W_]+')
    def local(tag):
        return tag.split('}')[-1] if isinstance(tag, str) else ''
    def is_footnote(e):
        return e.tag == T + 'note' and e.get('rend') != 'inline' and (e.get('n') is not None or e.get('type') == 'source')
    def walk(e, out, notes, frus):
        name = local(e.tag)
        sep = '' if (e.tag.startswith(T) and name in INLINE) else ' '
        if e.tag.startswith(F) and name != 'attachment':
            frus.append(' '.join(''.join(e.itertext()).split()))
        out.append(sep)
        if e.text: out.append(e.text)
        for c in e:
            if is_footnote(c):
                buf = []
                entry = {'label': (c.get('n') or '').strip(), 'words': None}
                notes.append(entry)
                walk(c, buf, notes, frus)
                entry['words'] = words(buf)
            elif local(c.tag) == 'lb':
                out.append(' ')
            else:
                walk(c, out, notes, frus)
            if c.tail: out.append(c.tail)
        out.append(sep)
    def words(buf):
        return WORD.findall(unicodedata.normalize('NFC', ''.join(buf)))
    root = ET.parse(sys.argv[1]).getroot()
    idno = root.find('.//' + T + 'idno[@type="frus"]')
    docs = []
    for d in root.iter(T + 'div'):
        if d.get('type') != 'document': continue
        out, notes, frus = [], [], []
        walk(d, out, notes, frus)
        docs.append({'n': d.get('n') or '', 'words': words(out), 'notes': notes, 'frusValues': frus})
    rev = root.find('.//' + T + 'revisionDesc')
    json.dump({'id': idno.text.strip() if idno is not None and idno.text else None,
               'status': rev.get('status') if rev is not None else None, 'documents': docs}, sys.stdout)
    """#

    /// Runs the walk on a file; nil (with a message) when python3 is missing.
    static func of(_ file: URL) throws -> Volume? {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("frusread-era-walk-\(getpid()).py")
        try EraExpectations.script.write(to: script, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, file.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            print("python3 is not available: skipping the TEI walk")
            return nil
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            print("python3 is not available or failed: skipping the TEI walk")
            return nil
        }
        return try JSONDecoder().decode(Volume.self, from: data)
    }

    /// The words of a text, with the same rule as the walk (letters and digits), case folded.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The first word of `expected` (case folded) missing from `actual` in order, with its
    /// place, or nil when every word is there in order.
    static func firstMissing(_ expected: [String], in actual: [String]) -> (index: Int, word: String, near: String)? {
        var j = 0
        let folded = actual.map { $0.lowercased() }
        for (i, w) in expected.enumerated() {
            let word = w.lowercased()
            while j < folded.count, folded[j] != word { j += 1 }
            if j == folded.count {
                return (i, w, expected[max(0, i - 5)..<min(expected.count, i + 5)].joined(separator: " "))
            }
            j += 1
        }
        return nil
    }
}
