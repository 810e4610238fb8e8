import Foundation
import GzipKit

/// The search index as built, kept by `tongwen serve` so that an edited page's entries can be
/// replaced and only the shards holding its old or new tokens written again.
///
/// BM25 keeps the collection statistics of the full build (document count, average length):
/// one edited page barely moves them, and changing them would rewrite every shard.
struct SearchIndexState: Sendable {
    private(set) var documents: [SearchDocument]
    private var postings: SearchPostings
    /// Token id → token text.
    private var tokens: [String]
    /// Shard key → token ids.
    private(set) var shards: [String: [Int]]
    private let sharded: Bool
    private let numbers: [String: Int]
    private let total: Float
    private let averageLength: Float
    /// `norm(length:)` of each document, as its postings are scored once per token.
    private var norms: [Float]

    init(documents: [SearchDocument], postings: SearchPostings, sharded: Bool) {
        self.documents = documents
        self.postings = postings
        self.sharded = sharded
        tokens = postings.keys.map(\.string)
        var shards: [String: [Int]] = [:]
        for (id, token) in tokens.enumerated() { shards[SearchShardKey.key(for: token, sharded: sharded), default: []].append(id) }
        self.shards = shards
        numbers = Dictionary(documents.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first })
        total = Float(documents.count)
        let averageLength = max(1, Float(postings.lengths.reduce(0, +)) / max(Float(documents.count), 1))
        self.averageLength = averageLength
        norms = postings.lengths.map { SearchIndexState.norm(length: $0, averageLength: averageLength) }
    }

    /// `{"token":[doc delta, score, …],…}` for the tokens of one shard, tokens sorted; scores are
    /// BM25 × 10 with the field weights in the term frequencies.
    func shardFile(_ key: String, ids: [Int]) -> (path: String, json: [UInt8]) {
        var json = JSONBytes()
        json.raw("{")
        for (position, id) in ids.sorted(by: { tokens[$0] < tokens[$1] }).enumerated() {
            let list = postings.lists[id]
            guard !list.isEmpty else { continue }
            let idf = SearchIndexState.idf(documentFrequency: list.count, total: total)
            if position > 0 { json.raw(",") }
            json.string(tokens[id])
            json.raw(":[")
            var previous: Int32 = 0
            var separator: UInt8? = nil
            for posting in list {
                json.int(posting.doc - previous, after: separator)
                json.int(SearchIndexState.score(weight: posting.weight, norm: norms[Int(posting.doc)], idf: idf), after: UInt8(ascii: ","))
                previous = posting.doc
                separator = UInt8(ascii: ",")
            }
            json.raw("]")
        }
        json.raw("}")
        return (path: "search/shards/\(key).json", json: json.bytes)
    }

    static func idf(documentFrequency: Int, total: Float) -> Float {
        let df = Float(documentFrequency)
        return log(1 + (total - df + 0.5) / (df + 0.5))
    }

    /// The BM25 score as stored: × 10, rounded, at least 1.
    func score(weight: Float, length: Int, idf: Float) -> Int {
        SearchIndexState.score(weight: weight, norm: norm(length: length), idf: idf)
    }

    /// BM25's length normalisation of a document of `length` tokens.
    func norm(length: Int) -> Float {
        SearchIndexState.norm(length: length, averageLength: averageLength)
    }

    static func norm(length: Int, averageLength: Float) -> Float {
        SearchIndexBuilder.k1 * (1 - SearchIndexBuilder.b + SearchIndexBuilder.b * Float(length) / averageLength)
    }

    @inline(__always) static func score(weight: Float, norm: Float, idf: Float) -> Int {
        let score = idf * weight * (SearchIndexBuilder.k1 + 1) / (weight + norm)
        return max(1, Int((score * 10).rounded()))
    }

    /// Replaces the entries of pages already in the index (same URLs); returns the files to write
    /// again, gzipped: those pages' records and every shard holding one of their old or new tokens.
    mutating func replace(_ updated: [SearchDocument]) -> [(path: String, data: Data)] {
        var touched: Set<Int> = []
        var pages: [Int] = []
        for document in updated {
            guard let number = numbers[document.url] else { continue }
            let oldLength = postings.lengths[number]
            let (before, after) = postings.replace(number: Int32(number), old: documents[number], new: document)
            let newLength = postings.lengths[number]
            norms[number] = norm(length: newLength)
            // A token whose list gained or lost the page changes for every page (idf); one the
            // page keeps changes only when its stored score does (most survive a small edit).
            for (id, weight) in before {
                guard let now = after[id] else { touched.insert(id); continue }
                let idf = SearchIndexState.idf(documentFrequency: postings.lists[id].count, total: total)
                if score(weight: weight, length: oldLength, idf: idf) != score(weight: now, length: newLength, idf: idf) { touched.insert(id) }
            }
            for id in after.keys where before[id] == nil { touched.insert(id) }
            documents[number] = document
            pages.append(number)
        }
        // New tokens get ids past the old ones: give them their shards.
        for id in tokens.count..<postings.keys.count {
            let token = postings.keys[id].string
            tokens.append(token)
            shards[SearchShardKey.key(for: token, sharded: sharded), default: []].append(id)
        }
        let keys = Set(touched.map { SearchShardKey.key(for: tokens[$0], sharded: sharded) })
        let gzip = GzipCompressor()
        var files = keys.sorted().map { key -> (path: String, data: Data) in
            let file = shardFile(key, ids: shards[key] ?? [])
            return (path: file.path + ".gz", data: gzip.compress(file.json))
        }
        files += pages.map { number in
            (path: "search/pages/\(number).json.gz", data: gzip.compress(SearchIndexBuilder.PageRecord(documents[number]).json()))
        }
        return files
    }
}
