/// One document's entry in a token's postings list: its number and its field-weighted term
/// frequency (BM25 is applied when the shards are written, once document lengths are known).
struct SearchPosting: Sendable {
    var doc: Int32
    var weight: Float
}
