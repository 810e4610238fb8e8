/// Which shard a token lives in; must match `shardKey` in `search.js`.
///
/// Latin tokens by their first three characters, so every word a typed prefix of three or more
/// characters can grow into is in one shard; CJK bigrams by their first character; glossary
/// term tokens (`~id`) in 64 buckets by an FNV-1a hash of the id, so bridging one term fetches a
/// few kilobytes rather than every term's pages.
enum SearchShardKey {
    static let termBuckets: UInt32 = 64

    static func key(for token: String, sharded: Bool) -> String {
        guard sharded, let first = token.unicodeScalars.first else { return "all" }
        if first == "~" { return "t" + String(fnv1a(token.utf8.dropFirst()) % termBuckets) }
        if SearchTokenizer.isCJK(first.value) { return "u" + String(first.value, radix: 16) }
        return "w" + token.unicodeScalars.prefix(3).map { String($0.value, radix: 16) }.joined(separator: "-")
    }

    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
