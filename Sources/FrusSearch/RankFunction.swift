import Foundation
import GRDB
import GRDBSQLite

/// `frus_rank(document_text, low, high, w0, w1, w2)`: FTS5's BM25 (the same formula, k1 = 1.2,
/// b = 0.75, column weights `w0…`, negated: lower is better), except for how it learns how many
/// documents hold each query phrase (the IDF).
///
/// FTS5's `bm25()` counts those documents by walking each phrase's whole list once per query:
/// for `the` every document of the series, for `"Soviet Union"` the positions of two words in
/// nearly every document — 10–45 ms at 400 volumes, whatever the LIMIT, most of such a query.
/// This one stops counting at `countLimit` documents and estimates the rest from how far into
/// the index (documents `low…high`, by rowid) the count got: a phrase's documents are spread
/// over the volumes, so a phrase seen 2,000 times in the first tenth is in about 20,000. A
/// phrase in fewer documents than that is counted exactly, so rare words rank as with
/// `bm25()`, to the last digit.
enum RankFunction {
    static let name = "frus_rank"
    /// Documents counted per phrase before estimating.
    static let countLimit = 2000

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rankEntry, nil)
    }

    /// The documents holding a phrase, from a count that stopped at `counted` documents, the
    /// last of them at rowid `last`, the index's documents being `low…high`. `complete`: the
    /// count reached the end of the list.
    static func estimatedDocuments(counted: Int, last: Int64, complete: Bool, low: Int64, high: Int64, rows: Int64)
        -> Double
    {
        guard !complete, counted > 0, high > low else { return Double(counted) }
        let fraction = Double(max(1, last - low + 1)) / Double(high - low + 1)
        return min(Double(rows), max(Double(counted), Double(counted) / fraction))
    }

    /// BM25 of one document: `frequencies[p]` the weighted count of phrase p in it.
    static func score(
        idf: [Double], frequencies: some Collection<Double>, length: Double, averageLength: Double
    ) -> Double {
        let k1 = 1.2
        let b = 0.75
        var score = 0.0
        for (i, f) in frequencies.enumerated() {
            score += idf[i] * (f * (k1 + 1)) / (f + k1 * (1 - b + b * length / averageLength))
        }
        return -score
    }

    /// FTS5's IDF: log((N − n + 0.5) / (n + 0.5)), at least 1e-6.
    static func idf(documents n: Double, rows: Int64) -> Double {
        let idf = log((Double(rows) - n + 0.5) / (n + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }
}

/// What a query's ranking needs once, kept as the query's FTS5 auxiliary data.
private final class RankData {
    var idf: [Double]
    var averageLength: Double
    init(idf: [Double], averageLength: Double) {
        self.idf = idf
        self.averageLength = averageLength
    }
}

/// Counting one phrase's documents, up to the limit.
private final class PhraseCount {
    var count = 0
    var last: Int64 = 0
}

private let countDocument: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?)
    -> Int32 = { api, fts, context in
        let counter = Unmanaged<PhraseCount>.fromOpaque(context!).takeUnretainedValue()
        counter.count += 1
        if counter.count >= RankFunction.countLimit {
            counter.last = api!.pointee.xRowid(fts)
            return SQLITE_DONE  // enough: FTS5 stops walking the list
        }
        return SQLITE_OK
    }

private let releaseRankData: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    if let pointer { Unmanaged<RankData>.fromOpaque(pointer).release() }
}

private let rankEntry: fts5_extension_function = { apiPointer, fts, context, count, values in
    guard let api = apiPointer?.pointee else { return }
    func argument(_ i: Int32) -> OpaquePointer? { i < count ? values?[Int(i)] : nil }
    guard let data = rankData(api, fts, low: sqlite3_value_int64(argument(0)), high: sqlite3_value_int64(argument(1)))
    else {
        sqlite3_result_error(context, "frus_rank: cannot read the index's statistics", -1)
        return
    }
    var instances: Int32 = 0
    guard api.xInstCount(fts, &instances) == SQLITE_OK else {
        sqlite3_result_error(context, "frus_rank: cannot read matches", -1)
        return
    }
    // On the stack: this runs for each of up to 2,000 candidates of a query, and a heap array
    // each time was a tenth of the ranking.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: data.idf.count) { frequencies in
        frequencies.initialize(repeating: 0)
        for i in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            guard api.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < frequencies.count else { continue }
            let weight = column + 2 < count ? sqlite3_value_double(argument(column + 2)) : 1.0
            frequencies[Int(phrase)] += weight
        }
        var tokens: Int32 = 0
        _ = api.xColumnSize(fts, -1, &tokens)
        sqlite3_result_double(context, RankFunction.score(
            idf: data.idf, frequencies: UnsafeBufferPointer(frequencies), length: Double(tokens),
            averageLength: data.averageLength))
    }
}

/// The query's IDFs and average document length, computed at its first row and kept.
private func rankData(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, low: Int64, high: Int64) -> RankData? {
    if let kept = api.xGetAuxdata(fts, 0) { return Unmanaged<RankData>.fromOpaque(kept).takeUnretainedValue() }
    var rows: Int64 = 0
    var tokens: Int64 = 0
    guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK else { return nil }
    var idf: [Double] = []
    for phrase in 0..<api.xPhraseCount(fts) {
        let counter = PhraseCount()
        let rc = api.xQueryPhrase(fts, phrase, Unmanaged.passUnretained(counter).toOpaque(), countDocument)
        guard rc == SQLITE_OK else { return nil }
        let complete = counter.count < RankFunction.countLimit
        let n = RankFunction.estimatedDocuments(
            counted: counter.count, last: counter.last, complete: complete, low: low, high: high, rows: rows)
        idf.append(RankFunction.idf(documents: n, rows: rows))
    }
    let data = RankData(idf: idf, averageLength: rows > 0 ? Double(tokens) / Double(rows) : 1)
    let retained = Unmanaged.passRetained(data).toOpaque()
    guard api.xSetAuxdata(fts, retained, releaseRankData) == SQLITE_OK else { return nil }
    return data
}
