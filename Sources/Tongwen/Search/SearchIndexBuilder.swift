import Foundation
import HTMLKit

/// Builds the search index from the rendered site: extract (pages → `SearchDocument`s), build
/// (tokens → BM25-scored postings, sharded by `SearchShardKey`), encode (JSON files).
struct SearchIndexBuilder: Sendable {
    /// Sites up to this many pages get one shard: fewer requests, and the whole index is small.
    static let singleShardLimit = 300
    static let k1: Float = 1.2
    static let b: Float = 0.75

    let config: SiteConfig
    let outline: SiteOutline
    let glossary: Glossary

    // MARK: - Extract

    func documents(pages: [Page], rendered: [String: RenderedPage]) -> [SearchDocument] {
        let strings = UIStrings(language: config.language)
        return pages.filter { !$0.isSectionIndex || rendered[$0.sourcePath]?.textBlocks.isEmpty == false }
            .sorted { $0.urlPath < $1.urlPath }
            .map { page in
                let body = rendered[page.sourcePath]
                let top = page.sectionPath.split(separator: "/").first.map(String.init) ?? ""
                return SearchDocument(
                    url: page.urlPath, title: page.title, description: page.frontMatter.description ?? "",
                    section: top.isEmpty ? strings["home"] : (outline.sections[top]?.title ?? top), sectionPath: top,
                    kind: page.kind.rawValue, tags: page.frontMatter.tags,
                    terms: (body?.terms ?? []).map(\.termID), blocks: body?.textBlocks ?? [])
            }
    }

    // MARK: - Build

    func build(pages: [Page], rendered: [String: RenderedPage]) async -> SearchIndex {
        let documents = documents(pages: pages, rendered: rendered)
        let sharded = documents.count > SearchIndexBuilder.singleShardLimit

        // Each half of the pages tokenised and counted on its own core, then the halves joined
        // (the second half's documents all come after the first's).
        let half = (documents.count + 1) / 2
        let halves = await [0..<half, half..<documents.count].concurrentMap { range -> SearchPostings in
            var postings = SearchPostings()
            for doc in range { postings.add(documents[doc], number: Int32(doc)) }
            return postings
        }
        var postings = halves[0]
        postings.append(halves[1])
        let tokens = postings.keys.map(\.string)
        var shards: [String: [Int]] = [:]
        for (id, token) in tokens.enumerated() { shards[SearchShardKey.key(for: token, sharded: sharded), default: []].append(id) }

        let total = Float(documents.count)
        let averageLength = max(1, Float(postings.lengths.reduce(0, +)) / max(total, 1))
        let lengths = postings.lengths.map(Float.init)
        let shardList = shards.sorted { $0.key < $1.key }
        let lists = postings.lists
        let encodedShards = await shardList.concurrentMap { (key, ids) -> (String, Data) in
            // `{"token":[doc delta, score, …],…}`, tokens sorted: written directly, as JSONEncoder
            // spends seconds on millions of small numbers.
            var json = [UInt8]("{".utf8)
            for (position, id) in ids.sorted(by: { tokens[$0] < tokens[$1] }).enumerated() {
                let list = lists[id]
                let df = Float(list.count)
                let idf = log(1 + (total - df + 0.5) / (df + 0.5))
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchIndexBuilder.appendJSONString(tokens[id], to: &json)
                json.append(contentsOf: ":[".utf8)
                var previous: Int32 = 0
                for (index, posting) in list.enumerated() {
                    let norm = SearchIndexBuilder.k1 * (1 - SearchIndexBuilder.b + SearchIndexBuilder.b * lengths[Int(posting.doc)] / averageLength)
                    let score = idf * posting.weight * (SearchIndexBuilder.k1 + 1) / (posting.weight + norm)
                    if index > 0 { json.append(UInt8(ascii: ",")) }
                    json.append(contentsOf: String(posting.doc - previous).utf8)
                    json.append(UInt8(ascii: ","))
                    json.append(contentsOf: String(max(1, Int((score * 10).rounded()))).utf8)
                    previous = posting.doc
                }
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "}"))
            return ("search/shards/\(key).json", Data(json))
        }
        var files: [(path: String, data: Data)] = encodedShards.map { (path: $0.0, data: $0.1) }
        let pageFiles = await Array(documents.enumerated()).concurrentMap { (doc, document) -> (String, Data) in
            ("search/pages/\(doc).json", SearchIndexBuilder.json(PageRecord(document)))
        }
        files += pageFiles.map { (path: $0.0, data: $0.1) }
        files.append((path: "search/manifest.json", data: SearchIndexBuilder.json(manifest(documents, shardKeys: shardList.map(\.key), sharded: sharded))))
        return SearchIndex(files: await SearchIndexBuilder.compressed(files))
    }

    // MARK: - Encode

    /// Every file gzipped, `.gz` added to its name: stored compressed, the index is a third of
    /// its size on disk and every host sends it compressed, whatever its configuration
    /// (`search.js` inflates it with `DecompressionStream`, or reads it as it is when a host
    /// already undid the compression). One compressor per chunk of files.
    static func compressed(_ files: [(path: String, data: Data)]) async -> [(path: String, data: Data)] {
        let chunk = 256
        let ranges = stride(from: 0, to: files.count, by: chunk).map { $0..<min($0 + chunk, files.count) }
        return await ranges.concurrentMap { range -> [(path: String, data: Data)] in
            let gzip = Gzip()
            return files[range].map { (path: $0.path + ".gz", data: gzip.compress($0.data)) }
        }.flatMap { $0 }
    }

    /// A JSON string literal (tokens are letters and digits, term ids file names: escaping is rare).
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): json.append(UInt8(ascii: "\\")); json.append(byte)
            case 0..<0x20: json.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    /// What `search/pages/N.json` holds (short keys: there is one file per page).
    struct PageRecord: Encodable {
        var u: String, t: String, s: String, k: String, g: [String], d: String
        /// `[headingID, heading, text]` per block.
        var b: [[String]]

        init(_ document: SearchDocument) {
            u = document.url
            t = document.title
            s = document.section
            k = document.kind
            g = document.tags
            d = document.description
            b = document.blocks.map { [$0.headingID, $0.heading, $0.text] }
        }
    }

    struct Manifest: Encodable {
        var version = 1
        var language: String
        var sharded: Bool
        var shards: [String]
        /// Per page, `[section, kind]` as indexes into `sections` and `kinds`.
        var docs: [[Int]]
        /// `[folder, title]`.
        var sections: [[String]]
        /// `[kind, label]`.
        var kinds: [[String]]
        var terms: [Term]
    }

    struct Term: Encodable {
        var id: String, url: String, title: String, summary: String
        var business: [String], technical: [String], aliases: [String]
    }

    func manifest(_ documents: [SearchDocument], shardKeys: [String], sharded: Bool) -> Manifest {
        let strings = UIStrings(language: config.language)
        let sectionPaths = Array(Set(documents.map(\.sectionPath))).sorted()
        let sectionIndex = Dictionary(uniqueKeysWithValues: sectionPaths.enumerated().map { ($1, $0) })
        let kinds = ContentKind.allCases.map(\.rawValue)
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        let sectionTitles = Dictionary(documents.map { ($0.sectionPath, $0.section) }, uniquingKeysWith: { first, _ in first })
        return Manifest(
            language: config.language.rawValue, sharded: sharded, shards: shardKeys,
            docs: documents.map { [sectionIndex[$0.sectionPath] ?? 0, kindIndex[$0.kind] ?? 0] },
            sections: sectionPaths.map { [$0, sectionTitles[$0] ?? $0] },
            kinds: ContentKind.allCases.map { [$0.rawValue, strings.kindLabel($0)] },
            terms: glossary.order.compactMap { id in
                guard let term = glossary.terms[id] else { return nil }
                return Term(id: id, url: term.urlPath, title: term.title, summary: term.summary,
                            business: term.business, technical: term.technical, aliases: term.aliases)
            })
    }

    static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }
}
