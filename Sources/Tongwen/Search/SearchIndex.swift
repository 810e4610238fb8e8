import Foundation

/// The prebuilt search index: files under `search/` of the output, each a JSON document.
///
/// - `search/manifest.json`: what every query needs first: the shard keys that exist, each page's
///   section and kind (for filters), the section and kind names, and the glossary terms with all
///   their names (for bridging and the term card).
/// - `search/shards/KEY.json`: `{token: [doc, score, doc, score, …]}` for the tokens whose shard
///   key is KEY (doc numbers delta-encoded, scores BM25 × 10 rounded, field weights included).
/// - `search/pages/N.json`: one page's URL, title, section, kind, tags, description and text cut
///   at headings: loaded only for results shown (excerpts, phrase check, heading deep links).
struct SearchIndex: Sendable {
    /// Output path under the site root → file contents.
    var files: [(path: String, data: Data)]

    var totalBytes: Int { files.reduce(0) { $0 + $1.data.count } }
}
