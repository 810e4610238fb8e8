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

    /// One page's tokens: weighted term frequency per token, and its length in tokens.
    struct TokenCounts: Sendable {
        var weights: [String: Float] = [:]
        var length = 0
    }

    static func count(_ document: SearchDocument) -> TokenCounts {
        var counts = TokenCounts()
        func add(_ text: String, _ field: SearchField) {
            SearchTokenizer.forEachToken(text) { token in
                counts.weights[token, default: 0] += field.weight
                counts.length += 1
            }
        }
        add(document.title, .title)
        add(document.description, .description)
        for tag in document.tags { add(tag, .tags) }
        for block in document.blocks {
            add(block.heading, .headings)
            add(block.text, .body)
        }
        // Glossary bridging: a page using a term under any name carries the term's own token.
        for term in document.terms { counts.weights["~" + term, default: 0] += SearchField.terms.weight }
        return counts
    }

    func build(pages: [Page], rendered: [String: RenderedPage]) async -> SearchIndex {
        let documents = documents(pages: pages, rendered: rendered)
        let counts = await documents.concurrentMap(SearchIndexBuilder.count)
        let sharded = documents.count > SearchIndexBuilder.singleShardLimit

        // Postings per token in document order: each half of the pages merged on its own core,
        // then the halves joined (the second half's documents all come after the first's).
        let half = (counts.count + 1) / 2
        let halves = await [0..<half, half..<counts.count].concurrentMap { range -> [String: [Posting]] in
            var postings: [String: [Posting]] = [:]
            for doc in range {
                for (token, weight) in counts[doc].weights { postings[token, default: []].append(Posting(doc: Int32(doc), weight: weight)) }
            }
            return postings
        }
        var postings = halves[0]
        for (token, list) in halves[1] { postings[token, default: []] += list }
        var shards: [String: [String]] = [:]
        for token in postings.keys { shards[SearchShardKey.key(for: token, sharded: sharded), default: []].append(token) }

        let total = Float(documents.count)
        let averageLength = max(1, Float(counts.reduce(0) { $0 + $1.length }) / max(total, 1))
        let lengths = counts.map { Float($0.length) }
        let shardList = shards.sorted { $0.key < $1.key }
        let allPostings = postings
        let encodedShards = await shardList.concurrentMap { (key, tokens) -> (String, Data) in
            // `{"token":[doc delta, score, …],…}`, tokens sorted: written directly, as JSONEncoder
            // spends seconds on millions of small numbers.
            var json = [UInt8]("{".utf8)
            for (position, token) in tokens.sorted().enumerated() {
                let list = allPostings[token]!
                let df = Float(list.count)
                let idf = log(1 + (total - df + 0.5) / (df + 0.5))
                if position > 0 { json.append(UInt8(ascii: ",")) }
                SearchIndexBuilder.appendJSONString(token, to: &json)
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
        return SearchIndex(files: files)
    }

    // MARK: - Encode

    struct Posting: Sendable {
        var doc: Int32
        var weight: Float
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
