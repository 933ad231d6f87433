import Testing
import FrusModel
import FrusTEI
import FrusTestSupport

@Test func smokeDump() throws {
    guard let url = Fixtures.partialVolume else { print(Fixtures.sharedMissing); return }
    let load = try TEIImporter.read(path: url.path)
    let v = load.volume
    print("ID", v.id, "TITLE", v.title)
    print("DOCS", v.documents.count, v.documents.map(\.number).joined(separator: ","))
    print("persons", v.persons.count, "terms", v.terms.count)
    for c in v.chapters { print("CH", c.id ?? "-", c.depth, c.title, c.documentNumbers) }
    for d in load.diagnostics { print("DIAG", d) }
    for n in ["130", "175"] {
        let d = v.document(number: n)!
        print("DOC", d.number, d.id, d.date ?? "-", d.dateline ?? "-", d.subject ?? "-")
        print("TITLE", d.titleInlines)
        for b in d.blocks { print("  B", b) }
        for f in d.footnotes { print("  F", f.number, f.id ?? "-", f.plainText.prefix(100)) }
    }
    print(v.persons["p_GMS_1"] as Any)
    print(v.terms["t_ABM_1"] as Any)
}
