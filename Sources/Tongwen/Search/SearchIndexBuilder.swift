import Foundation
import GzipKit
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

    /// The pages as the index sees them, in URL order, with their section titles.
    func documents(pages: [Page], rendered: [String: RenderedPage]) -> [SearchDocument] {
        titled(SearchIndexBuilder.documents(pages: pages, rendered: rendered))
    }

    /// The pages as the index sees them, in URL order; section titles are left to `titled`, as
    /// they come from the outline, which the token counting does not wait for.
    static func documents(pages: [Page], rendered: [String: RenderedPage]) -> [SearchDocument] {
        pages.filter { !$0.isSectionIndex || rendered[$0.sourcePath]?.textBlocks.isEmpty == false }
            .sorted { $0.urlPath < $1.urlPath }
            .map { page in
                let body = rendered[page.sourcePath]
                return SearchDocument(
                    url: page.urlPath, title: page.title, description: page.frontMatter.description ?? "",
                    section: "", sectionPath: page.sectionPath.split(separator: "/").first.map(String.init) ?? "",
                    kind: page.kind.rawValue, tags: page.frontMatter.tags,
                    terms: (body?.terms ?? []).map(\.termID), blocks: body?.textBlocks ?? [])
            }
    }

    /// `documents` with the titles of their top-level sections.
    func titled(_ documents: [SearchDocument]) -> [SearchDocument] {
        let home = UIStrings(language: config.language)["home"]
        return documents.map { document in
            var document = document
            let top = document.sectionPath
            document.section = top.isEmpty ? home : (outline.sections[top]?.title ?? top)
            return document
        }
    }

    // MARK: - Count

    /// What the index takes from the rendered pages alone: the documents, without section titles,
    /// and their tokens' postings. The build starts counting as soon as the pages are rendered,
    /// so that it runs while the organize and check stages keep only one core busy.
    struct Counted: Sendable {
        var documents: [SearchDocument]
        var postings: SearchPostings
    }

    static func count(pages: [Page], rendered: [String: RenderedPage]) async -> Counted {
        let documents = documents(pages: pages, rendered: rendered)
        // Runs of pages tokenised and counted on whichever core is free (eight runs, so that
        // neither core waits for the other at the end), then joined in order: each run's
        // documents all come after the previous run's.
        let run = max(1, (documents.count + 7) / 8)
        let runs = await stride(from: 0, to: documents.count, by: run).map { $0..<min($0 + run, documents.count) }
            .concurrentMap { range -> SearchPostings in
                var postings = SearchPostings()
                for doc in range {
                    // A build that failed meanwhile does not wait for the count.
                    if Task.isCancelled { break }
                    postings.add(documents[doc], number: Int32(doc))
                }
                return postings
            }
        var postings = runs.first ?? SearchPostings()
        for later in runs.dropFirst() { postings.append(later) }
        return Counted(documents: documents, postings: postings)
    }

    // MARK: - Build

    /// The index files from counted pages: shards, page records and the manifest.
    func build(_ counted: Counted) async -> (SearchIndex, SearchIndexState) {
        let documents = titled(counted.documents)
        let sharded = documents.count > SearchIndexBuilder.singleShardLimit
        let state = SearchIndexState(documents: documents, postings: counted.postings, sharded: sharded)
        let shardList = state.shards.sorted { $0.key < $1.key }
        // Shards, page records and the manifest in one list of work, so that no core waits for
        // the other between them; the manifest (one JSONEncoder run) first, as it is the longest.
        enum File: Sendable { case manifest, shard(String, [Int]), page(Int) }
        let manifest = manifest(documents, shardKeys: shardList.map(\.key), sharded: sharded)
        let work = [File.manifest] + shardList.map { File.shard($0.key, $0.value) } + documents.indices.map(File.page)
        var files = await SearchIndexBuilder.compressedFiles(work) { file in
            switch file {
            case .manifest: (path: "search/manifest.json", json: Array(SearchIndexBuilder.json(manifest)))
            case .shard(let key, let ids): state.shardFile(key, ids: ids)
            case .page(let doc): (path: "search/pages/\(doc).json", json: PageRecord(documents[doc]).json())
            }
        }
        // Listed as before: shards, pages, then the manifest.
        files.append(files.removeFirst())
        return (SearchIndex(files: files), state)
    }

    // MARK: - Encode

    /// Items encoded as JSON files and gzipped, `.gz` added to their names, in parallel chunks
    /// with one compressor each. Stored compressed, the index is a third of its size on disk and
    /// every host sends it compressed, whatever its configuration (`search.js` inflates it with
    /// `DecompressionStream`, or reads it as it is when a host already undid the compression).
    static func compressedFiles<Item: Sendable>(
        _ items: [Item], _ encode: @escaping @Sendable (Item) -> (path: String, json: [UInt8])
    ) async -> [(path: String, data: Data)] {
        let chunk = 64
        let ranges = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
        return await ranges.concurrentMap { range -> [(path: String, data: Data)] in
            let gzip = GzipCompressor()
            return items[range].map { item in
                let file = encode(item)
                return (path: file.path + ".gz", data: gzip.compress(file.json))
            }
        }.flatMap { $0 }
    }

    /// What `search/pages/N.json` holds (short keys: there is one file per page).
    struct PageRecord {
        var u: String, t: String, s: String, k: String, g: [String], d: String
        /// `[headingID, heading, text]` per block.
        var b: [[String]]

        init(_ document: SearchDocument) {
            u = Permalinks.urlEscaped(document.url)
            t = document.title
            s = document.section
            k = document.kind
            g = document.tags
            d = document.description
            b = document.blocks.map { [$0.headingID, $0.heading, $0.text] }
        }

        /// Keys sorted, as the rest of the index.
        func json() -> [UInt8] {
            var json = JSONBytes(capacity: b.reduce(64) { $0 + $1[2].utf8.count + $1[1].utf8.count + 16 })
            json.raw("{\"b\":[")
            for (index, block) in b.enumerated() {
                if index > 0 { json.raw(",") }
                json.strings(block)
            }
            json.raw("],\"d\":")
            json.string(d)
            json.raw(",\"g\":")
            json.strings(g)
            json.raw(",\"k\":")
            json.string(k)
            json.raw(",\"s\":")
            json.string(s)
            json.raw(",\"t\":")
            json.string(t)
            json.raw(",\"u\":")
            json.string(u)
            json.raw("}")
            return json.bytes
        }
    }

    struct Manifest: Encodable, Sendable {
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

    struct Term: Encodable, Sendable {
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
                return Term(id: id, url: Permalinks.urlEscaped(term.urlPath), title: term.title, summary: term.summary,
                            business: term.business, technical: term.technical, aliases: term.aliases)
            })
    }

    static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }
}
