/// A search token as the index builder counts it: most tokens packed into 64 bits, so that
/// counting millions of them hashes integers instead of strings.
///
/// Packed forms (top two bits): `10` a CJK bigram (two 21-bit scalars), `11` a single CJK
/// character, `00` an ASCII word of at most ten letters and digits (6 bits each, 1–10 digits,
/// 11–36 letters, first character in the lowest bits). Everything else keeps its text.
enum SearchTokenKey: Hashable, Sendable {
    case packed(UInt64)
    case text(String)

    static let pairTag: UInt64 = 0b10 << 62
    static let singleTag: UInt64 = 0b11 << 62
    /// Not a key: in `SearchTokenizer.keys(_:into:long:)`'s output, a word too long to pack, by its index
    /// in the long words beside the keys.
    static let longTag: UInt64 = 0b01 << 62
    static let maxPackedWordLength = 10

    static func pair(_ first: UInt32, _ second: UInt32) -> SearchTokenKey {
        .packed(pairTag | UInt64(first) << 21 | UInt64(second))
    }

    static func single(_ scalar: UInt32) -> SearchTokenKey {
        .packed(singleTag | UInt64(scalar))
    }

    /// The 6-bit code of an ASCII digit or lower-case letter, or nil.
    @inline(__always) static func wordCode(_ byte: UInt8) -> UInt64? {
        switch byte {
        case 0x30...0x39: UInt64(byte - 0x30 + 1)
        case 0x61...0x7A: UInt64(byte - 0x61 + 11)
        default: nil
        }
    }

    /// The key of a word given as lower-case ASCII bytes (already stemmed).
    static func word<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> SearchTokenKey? {
        guard bytes.count <= maxPackedWordLength else { return nil }
        var bits: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            guard let code = wordCode(byte) else { return nil }
            bits |= code << shift
            shift += 6
        }
        return .packed(bits)
    }

    /// A key as `SearchTokenizer.keys(_:into:long:)` wrote it, given the long words it appended.
    init(appended key: UInt64, long: [String]) {
        self = key >> 62 == 0b01 ? .text(long[Int(key & ~SearchTokenKey.longTag)]) : .packed(key)
    }

    /// The packed key of a word of `length` (at most `maxPackedWordLength`) codes, stemmed
    /// exactly as `SearchTokenizer.stem`: plurals of words of four letters or more.
    @inline(__always) static func stemmed(_ bits: UInt64, length: Int, hasDigit: Bool) -> UInt64 {
        guard length > 3, !hasDigit else { return bits }
        @inline(__always) func code(_ at: Int) -> UInt64 { bits >> (6 * UInt64(at)) & 0x3F }
        let s = wordCode(UInt8(ascii: "s"))!, e = wordCode(UInt8(ascii: "e"))!, i = wordCode(UInt8(ascii: "i"))!
        let u = wordCode(UInt8(ascii: "u"))!, y = wordCode(UInt8(ascii: "y"))!
        let last = code(length - 1), second = code(length - 2)
        if length > 4, last == s, second == e, code(length - 3) == i { // -ies → -y
            let kept = bits & (1 << (6 * UInt64(length - 3)) - 1)
            return kept | y << (6 * UInt64(length - 3))
        }
        if last == s, second != s, second != u, second != i { // -s, not -ss -us -is
            return bits & (1 << (6 * UInt64(length - 1)) - 1)
        }
        return bits
    }

    /// The key of a token the tokenizer produced as text: packed whenever a packed form exists,
    /// so a token gets the same key whichever way it was made.
    init(_ token: String) {
        let scalars = token.unicodeScalars
        if let first = scalars.first, SearchTokenizer.isCJK(first.value) {
            let rest = scalars.dropFirst()
            if rest.isEmpty { self = .single(first.value); return }
            if rest.count == 1, let second = rest.first, SearchTokenizer.isCJK(second.value) {
                self = .pair(first.value, second.value)
                return
            }
        }
        self = SearchTokenKey.word(token.utf8) ?? .text(token)
    }

    /// The token's text, as the index files and the JavaScript tokenizer spell it.
    var string: String {
        switch self {
        case .text(let text):
            return text
        case .packed(let bits):
            var scalars = String.UnicodeScalarView()
            switch bits >> 62 {
            case 0b10:
                scalars.append(Unicode.Scalar(UInt32(bits >> 21 & 0x1F_FFFF))!)
                scalars.append(Unicode.Scalar(UInt32(bits & 0x1F_FFFF))!)
            case 0b11:
                scalars.append(Unicode.Scalar(UInt32(bits & 0x1F_FFFF))!)
            default:
                var rest = bits
                while rest != 0 {
                    let code = UInt8(rest & 0x3F)
                    scalars.append(Unicode.Scalar(code <= 10 ? code - 1 + 0x30 : code - 11 + 0x61))
                    rest >>= 6
                }
            }
            return String(scalars)
        }
    }
}
