import Foundation
import FrusDeflate
import FrusModel
@testable import FrusSearch
import Testing

/// `who` reads only what it prints: the apparatus at the head of a stored outline is inflated
/// alone, and entries the query does not keep are skipped undecoded. Both must give exactly
/// what decoding everything and filtering afterwards gives.
@Suite struct ApparatusFilterTests {
    static let apparatus = VolumeApparatus(
        volumeID: "frus1981-88v91",
        persons: [
            Person(id: "p_DAF_1", name: "Dobrynin, Anatoly F.", description: "Soviet Ambassador to the United States"),
            Person(id: "p_GMS_1", name: "Gorbachev, Mikhail S.", description: "General Secretary"),
            Person(id: "p_GAA_1", name: "Gromyko, Andrei A.", description: "Chairman"),
            Person(id: "p_SEE_1", name: "Schévardnadzé, Eduard", description: "accents in the name"),
        ],
        terms: [
            Term(id: "t_INF_1", term: "INF", description: "Intermediate-range Nuclear Forces"),
            Term(id: "t_SRINF_1", term: "SRINF", description: "Shorter-range INF"),
        ],
        mentionedIn: [
            .person("p_DAF_1"): ["130", "131"], .person("p_GMS_1"): ["130", "132", "175"],
            .term("t_INF_1"): ["140"], .term("t_SRINF_1"): ["141", "142"],
        ])

    static let outline = VolumeOutline(
        id: "frus1981-88v91", title: "Volume 91", chapters: [],
        documents: (1...400).map {
            DocumentSummary(volumeID: "frus1981-88v91", number: "\($0)", id: "d\($0)", title: "Document \($0) " + String(repeating: "title words ", count: 20), date: nil)
        })

    /// Keeps entries whose label holds `needle` (ASCII, case aside) or whose id is it.
    static func filter(_ needle: String) -> EntryFilter {
        EntryFilter { id, label in
            let l = String(decoding: label, as: UTF8.self).lowercased()
            return String(decoding: id, as: UTF8.self) == needle || l.contains(needle.lowercased())
        }
    }

    @Test func keepingDecodesExactlyWhatFilteringAfterwardsKeeps() throws {
        let blob = OutlineCodec.encode(Self.outline, apparatus: Self.apparatus)
        for needle in ["dob", "g", "INF", "p_SEE_1", "zzz", "", "é", "srinf"] {
            let kept = OutlineCodec.decodeApparatus(blob, volumeID: "frus1981-88v91", keeping: Self.filter(needle))
            let all = try #require(OutlineCodec.decodeApparatus(blob, volumeID: "frus1981-88v91"))
            #expect(kept == all.keeping(Self.filter(needle)), "needle \(needle)")
        }
        // Nothing kept: nothing made, and the answer is an empty apparatus, not a failure.
        let none = OutlineCodec.decodeApparatus(blob, volumeID: "x", keeping: EntryFilter { _, _ in false })
        #expect(none?.persons.isEmpty == true && none?.terms.isEmpty == true && none?.mentionedIn.isEmpty == true)
    }

    @Test func theApparatusAloneIsInflatedFromTheStoredOutline() throws {
        let blob = OutlineCodec.encode(Self.outline, apparatus: Self.apparatus)
        let stored = Deflate.compressed(blob)
        let head = try #require(Deflate.decompressedPrefix(stored, count: OutlineCodec.lengthPrefixBytes))
        let length = try #require(OutlineCodec.apparatusLength(head))
        #expect(length < blob.count / 4, "the documents' titles after the apparatus are not inflated")
        let prefix = try #require(Deflate.decompressedPrefix(stored, count: length))
        #expect(prefix == blob.prefix(length))
        #expect(OutlineCodec.decodeApparatus(prefix, volumeID: "frus1981-88v91", keeping: EntryFilter { _, _ in true })
            == OutlineCodec.decodeApparatus(blob, volumeID: "frus1981-88v91"))
    }

    @Test func prefixesOfAnyLengthAndDamageAreHandled() throws {
        let bytes = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 300) }
        let stored = Deflate.compress(bytes)
        for count in [0, 1, 10, 4096, 32_768, 49_999, 50_000, 60_000] {
            let prefix = stored.withUnsafeBytes { Deflate.decompressPrefix($0, count: count) }
            #expect(prefix == Array(bytes.prefix(count)), "count \(count)")
        }
        // A damaged stream is refused, never read past.
        var damaged = stored
        for i in 8..<min(40, damaged.count) { damaged[i] ^= 0xA5 }
        #expect(damaged.withUnsafeBytes { Deflate.decompressPrefix($0, count: 50_000) } == nil)
        #expect(Deflate.decompressPrefix(UnsafeRawBufferPointer(start: nil, count: 0), count: 10) == [])
    }
}
