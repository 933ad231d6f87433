import FrusModel
import FrusTEI
import FrusTestSupport
import Testing

/// `ref/@target` in every form seen in the FRUS volumes.
@Suite struct ReferenceTests {
    static let here = "frus1981-88v05"

    @Test(arguments: [
        ("#d168", LinkTarget.document(volume: here, number: "168")),
        ("#d136fn3", .footnote(volume: here, document: "136", footnote: 3)),
        ("#d28fn17", .footnote(volume: here, document: "28", footnote: 17)),
        ("#pg_744", .page(volume: here, page: "744")),
        ("#pg_XIX", .page(volume: here, page: "XIX")),
        ("#ch4", .volume(here, anchor: "ch4")),
        ("#terms", .volume(here, anchor: "terms")),
        ("#persons", .volume(here, anchor: "persons")),
        ("#preface", .volume(here, anchor: "preface")),
        ("frus1981-88v04#d224", .document(volume: "frus1981-88v04", number: "224")),
        ("frus1981-88v04#d224fn3", .footnote(volume: "frus1981-88v04", document: "224", footnote: 3)),
        ("frus1964-68v10#d13fn2", .footnote(volume: "frus1964-68v10", document: "13", footnote: 2)),
        ("frus1981-88v44p1", .volume("frus1981-88v44p1", anchor: nil)),
        ("frus1981-88v40", .volume("frus1981-88v40", anchor: nil)),
        ("frus1977-80v06#ch2", .volume("frus1977-80v06", anchor: "ch2")),
        ("frus1969-76v14/d12", .document(volume: "frus1969-76v14", number: "12")),
        ("https://history.state.gov/historicaldocuments", .url("https://history.state.gov/historicaldocuments")),
        ("http://www.archives.gov", .url("http://www.archives.gov")),
        ("mailto:history@state.gov", .url("mailto:history@state.gov")),
        ("#d5 #d6", .document(volume: here, number: "5")),
        // A microfiche supplement's notes write some document targets without the "#".
        ("d346", .document(volume: here, number: "346")),
        ("pg_12", .page(volume: here, page: "12")),
    ])
    func targetForm(target: String, expected: LinkTarget) {
        #expect(TEILinkTarget.parse(target, volume: Self.here) == expected)
    }

    @Test(arguments: ["", "   ", "https://", "notes.pdf", "dossier", "d-12"])
    func targetsOfNoKnownFormAreNotLinks(target: String) {
        #expect(TEILinkTarget.parse(target, volume: Self.here) == nil)
    }

    @Test func refsBecomeLinksAroundTheirText() throws {
        let doc = try TEISample.onlyDocument("""
            <p>See <ref target="#d2">Document 2</ref> and <ref target="frus1981-88v04#d224">FRUS,
            vol. IV, Document 224</ref>; <ref target="nowhere.pdf">the file</ref>.</p>
            """)
        let v = TEISample.volumeID
        #expect(doc.blocks == [.paragraph([
            .text("See "), .link(.document(volume: v, number: "2"), [.text("Document 2")]),
            .text(" and "), .link(.document(volume: "frus1981-88v04", number: "224"), [.text("FRUS, vol. IV, Document 224")]),
            .text("; the file."),
        ], .normal)])
    }

    /// Documents whose ids are not "d" + number are reached by their ids.
    @Test func referencesByDocumentIdReachTheDocument() throws {
        let load = try TEISample.load(TEISample.volume(body: """
            <div type="document" xml:id="d12" n="12a"><head>12a. Letter</head><p>x</p></div>
            <div type="document" xml:id="appA" n="331"><head>Appendix A<note n="1" type="source" xml:id="appAfn1">Source.</note></head><p>y</p></div>
            <div type="document" xml:id="eta_d1" n="ETA–1"><head>Telegram</head>
              <p><ref target="#appA">the appendix</ref>, <ref target="#appAfn1">its note</ref>,
              <ref target="#eta_d1">this</ref>, <ref target="#d12">12a</ref>, <ref target="#d12fn2">a note</ref>,
              <ref target="#d99">missing</ref>, <ref target="#ch1">a chapter</ref></p></div>
            """))
        let v = TEISample.volumeID
        let doc = try #require(load.volume.document(number: "ETA–1"))
        #expect(doc.references.map(\.target) == [
            .document(volume: v, number: "331"), .footnote(volume: v, document: "331", footnote: 1),
            .document(volume: v, number: "ETA–1"), .document(volume: v, number: "12a"),
            .footnote(volume: v, document: "12a", footnote: 2), .document(volume: v, number: "99"),
            .volume(v, anchor: "ch1"),
        ])
        #expect(load.volume.document(number: "331")?.title == "Appendix A")
    }

    /// `links 175`: Document 168, footnote 3 of Document 136 (both in this volume), and
    /// references to other volumes, typed with their volume id.
    @Test func linksOfDocument175() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let d175 = try #require(volume.document(number: "175"))
        let targets = d175.references.map(\.target)
        #expect(targets.contains(.document(volume: "frus1981-88v05", number: "168")))
        #expect(targets.contains(.footnote(volume: "frus1981-88v05", document: "136", footnote: 3)))
        let ref = try #require(d175.references.first { $0.target == .footnote(volume: "frus1981-88v05", document: "136", footnote: 3) })
        #expect(ref.site == .footnote(3))
        #expect(ref.label == "footnote 3, Document 136")
        // The targets exist: document 168, and footnote 3 of document 136.
        #expect(volume.document(number: "168") != nil)
        #expect(volume.document(number: "136")?.footnote(3) != nil)
    }

    @Test func crossVolumeReferencesKeepTheirVolume() throws {
        guard let volume = PartialVolume.volume else { print(Fixtures.sharedMissing); return }
        let all = volume.documentsProper.flatMap(\.references).map(\.target)
        let other = all.filter { $0.volumeID != nil && $0.volumeID != "frus1981-88v05" }
        #expect(other.count == 12)
        #expect(other.contains(.footnote(volume: "frus1981-88v04", document: "224", footnote: 3)))
        #expect(other.contains(.footnote(volume: "frus1964-68v10", document: "13", footnote: 2)))
        #expect(other.contains(.volume("frus1981-88v44p1", anchor: nil)))
        #expect(other.contains(.document(volume: "frus1977-80v06", number: "99")))
        #expect(LinkTarget.document(volume: "frus1981-88v04", number: "224").webAddress
            == "https://history.state.gov/historicaldocuments/frus1981-88v04/d224")
        // Every ref of the documents became a link: count them in the TEI.
        guard let (bytes, _) = PartialVolume.loaded else { return }
        let xml = String(decoding: bytes, as: UTF8.self)
        let body = xml[xml.range(of: "<body>")!.upperBound...]
        #expect(all.count == TEIScan.countTags("ref", with: "target", in: body))
    }
}
