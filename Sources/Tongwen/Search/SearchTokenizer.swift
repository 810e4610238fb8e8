import Foundation

/// Splits text into search tokens, exactly as `templates/assets/search.js` does at query time
/// (`Tests/Shared/search-tokenizer-vectors.json` holds the cases both must agree on):
///
/// - NFKC, then lower-cased;
/// - runs of Latin letters and digits (any non-CJK letter or number) are words, lightly stemmed
///   (`requirements` → `requirement`);
/// - runs of CJK characters become overlapping character bigrams (`需求池` → `需求`, `求池`), and a
///   one-character run is its own token, so any Chinese query of two or more characters finds
///   every text containing it: the text holds each bigram of the query.
enum SearchTokenizer {
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { result.append($0) }
        return result
    }

    /// Calls `body` with each token in order.
    static func forEachToken(_ text: String, _ body: (String) -> Void) {
        // Text made only of ASCII, common CJK and full-width forms is normalised scalar by scalar
        // (what NFKC + lower-casing does to those is fixed and local); anything else goes through
        // Foundation whole, so combining sequences compose exactly as in JavaScript.
        let normalized = isSimple(text) ? text : text.precomposedStringWithCompatibilityMapping.lowercased()
        var word = String.UnicodeScalarView()
        var previousCJK: Unicode.Scalar?
        var cjkRun = 0
        func endWord() {
            if !word.isEmpty { body(stem(String(word))) }
            word.removeAll()
        }
        func endCJK() {
            if cjkRun == 1, let single = previousCJK { body(String(single)) }
            previousCJK = nil
            cjkRun = 0
        }
        for original in normalized.unicodeScalars {
            let scalar = simpleFold(original)
            if isCJK(scalar.value) {
                endWord()
                if let previous = previousCJK {
                    var pair = String.UnicodeScalarView()
                    pair.append(previous)
                    pair.append(scalar)
                    body(String(pair))
                }
                previousCJK = scalar
                cjkRun += 1
            } else if isWordScalar(scalar) {
                endCJK()
                word.append(scalar)
            } else {
                endWord()
                endCJK()
            }
        }
        endWord()
        endCJK()
    }

    /// The keys of `text`'s tokens, in order, made straight from its UTF-8 bytes: written to the
    /// start of `keys` (grown when too short), their number returned — when the text is ASCII,
    /// CJK, full-width forms and separators only (nearly all text). Otherwise nil: the caller
    /// tokenises the string (`forEachToken`).
    ///
    /// Packed keys are `SearchTokenKey`'s; a word too long to pack is appended to `long`, which
    /// the caller empties, and stands in `keys` as `SearchTokenKey.longTag | its index there`.
    /// This is the index builder's innermost loop, over every token of every page: no closure,
    /// string or array append per token.
    static func keys(_ text: String, into keys: inout [UInt64], long: inout [String]) -> Int? {
        var text = text
        return text.withUTF8 { utf8 -> Int? in
            // Every token takes at least one byte; never empty, so the buffer has an address.
            if keys.count < max(utf8.count, 1) { keys = Array(repeating: 0, count: max(utf8.count, 2 * keys.count, 256)) }
            return keys.withUnsafeMutableBufferPointer { out in packedKeys(utf8, into: out.baseAddress!, long: &long) }
        }
    }

    /// `keys(_:into:long:)` on the bytes, into room for one key per byte.
    private static func packedKeys(_ utf8: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt64>, long: inout [String]) -> Int? {
        var written = 0
        // The word being read: its first characters' 6-bit codes (first in the lowest bits),
        // its length, whether it has digits (no stemming then) and where it began.
        var bits: UInt64 = 0, length = 0, hasDigit = false, wordStart = 0
        // The CJK run being read: its last character and its length.
        var previousCJK: UInt32 = 0, cjkRun = 0
        @inline(__always) func endWord(at end: Int) {
            out[written] = length <= SearchTokenKey.maxPackedWordLength
                ? SearchTokenKey.stemmed(bits, length: length, hasDigit: hasDigit)
                : longWordKey(utf8, wordStart..<end, long: &long)
            written += 1
            bits = 0; length = 0; hasDigit = false
        }
        @inline(__always) func endCJK() {
            if cjkRun == 1 { out[written] = SearchTokenKey.singleTag | UInt64(previousCJK); written += 1 }
            cjkRun = 0
        }
        let count = utf8.count
        var index = 0
        while index < count {
            let scalarStart = index
            let lead = utf8[index]
            var code: UInt64 = 0
            if lead < 0x80 {
                code = wordCode(lead)
                index += 1
            } else {
                // Four bytes: beyond what the byte path folds.
                guard lead < 0xF0 else { return nil }
                let value = decode(utf8, at: &index)
                if value >= 0xFF01 && value <= 0xFF5E {
                    code = wordCode(UInt8(value - 0xFEE0)) // full-width ASCII, folded
                } else if (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3041 && value <= 0x30FE && isPackableScalar(value)) {
                    if length > 0 { endWord(at: scalarStart) }
                    if cjkRun > 0 { out[written] = SearchTokenKey.pairTag | UInt64(previousCJK) << 21 | UInt64(value); written += 1 }
                    previousCJK = value
                    cjkRun += 1
                    continue
                } else if !isPackableScalar(value) {
                    return nil
                }
            }
            if code != 0 { // a letter or digit
                endCJK()
                if length == 0 { wordStart = scalarStart }
                if length < SearchTokenKey.maxPackedWordLength { bits |= code << (6 * UInt64(length)) }
                if code <= 10 { hasDigit = true }
                length += 1
            } else { // a separator
                if length > 0 { endWord(at: scalarStart) }
                endCJK()
            }
        }
        if length > 0 { endWord(at: count) }
        endCJK()
        return written
    }

    /// `SearchTokenKey.wordCode` of an ASCII byte with upper case folded, or 0 for a separator.
    @inline(__always) private static func wordCode(_ byte: UInt8) -> UInt64 {
        SearchTokenKey.wordCode(byte &- 0x41 < 26 ? byte | 0x20 : byte) ?? 0
    }

    /// The key of the word at `range`, longer than a packed word: stemmed, packed if that
    /// made it short enough, else appended to `long` and stood for by its index there.
    private static func longWordKey(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, long: inout [String]) -> UInt64 {
        var word = folded(utf8, range)
        stem(&word)
        if case .packed(let packed)? = SearchTokenKey.word(word) { return packed }
        long.append(String(decoding: word, as: UTF8.self))
        return SearchTokenKey.longTag | UInt64(long.count - 1)
    }

    /// Whether the byte path of `keys(_:into:long:)` tokenises a scalar at or above U+0080 exactly (not
    /// a full-width form, which it folds): CJK it pairs, or a separator whatever NFKC does to
    /// it. Not non-ASCII letters outside CJK (`々`, `〇` and the like), which would make
    /// non-ASCII words, nor CJK beyond the common block, whose NFKC forms differ.
    @inline(__always) private static func isPackableScalar(_ value: UInt32) -> Bool {
        switch value {
        // Not the letters and numbers among them (`々`, `〆`, `〇`, `〡`…, `〱`…).
        case 0x3001...0x3004, 0x3008...0x3020, 0x302A...0x3030: true
        case 0x3041...0x3098, 0x309D...0x309E, 0x30A0...0x30FE, 0x4E00...0x9FFF: true
        // Punctuation and symbols that stay separators after NFKC (quotes, dashes, arrows,
        // box drawing; checked against Python's unicodedata), common in Chinese prose.
        case 0xA0...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF, 0xD7, 0xF7,
             0x2010...0x2016, 0x2018...0x2029, 0x202F...0x203D, 0x203F...0x205E,
             0x2190...0x21FF, 0x2500...0x257F, 0x25A0...0x25FF: true
        default: false
        }
    }

    /// The word at `range` of `utf8` as `keys(_:into:long:)` reads it: full-width forms folded to
    /// ASCII, lower-cased.
    private static func folded(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var word: [UInt8] = []
        word.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            var value = decode(utf8, at: &index)
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            word.append(UInt8(value))
        }
        return word
    }

    /// The scalar of a valid one- to three-byte UTF-8 sequence at `index` (Swift strings are
    /// valid UTF-8), moving `index` past it.
    @inline(__always) private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = UInt32(utf8[index])
        if lead < 0x80 { index += 1; return lead }
        if lead < 0xE0 {
            defer { index += 2 }
            return (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
        }
        defer { index += 3 }
        return (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
    }

    /// `stem` on a word's bytes.
    static func stem(_ word: inout [UInt8]) {
        let count = word.count
        guard count > 3, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        let last = word[count - 1], second = word[count - 2]
        if count > 4, last == 0x73, second == 0x65, word[count - 3] == 0x69 { // -ies → -y
            word.removeLast(3)
            word.append(0x79)
        } else if last == 0x73, second != 0x73, second != 0x75, second != 0x69 { // -s, not -ss -us -is
            word.removeLast()
        }
    }

    /// Whether every scalar of `text` is one `simpleFold` normalises exactly: ASCII, CJK
    /// ideographs, kana and CJK punctuation that NFKC keeps, full-width ASCII forms.
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00...0x7F, 0x3001...0x3035, 0x3041...0x3098, 0x309D...0x309E, 0x30A0...0x30FE, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
            default: false
            }
        }
    }

    /// NFKC + lower-casing of one scalar `isSimple` accepts.
    @inline(__always) static func simpleFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
        if value >= 0x41 && value <= 0x5A { value += 0x20 }
        return value == scalar.value ? scalar : Unicode.Scalar(value)!
    }

    /// Han (with extensions and compatibility ideographs), kana and Hangul: scripts written
    /// without spaces between words.
    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// Letters and numbers (Unicode categories L* and N*), the JavaScript `[\p{L}\p{N}]`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Light English stemming: plurals only (`requirements`, `policies`), on ASCII words of four
    /// letters or more. Deliberately small, so the JavaScript twin stays obviously the same and a
    /// stem never surprises (`changed` and `change` stay apart rather than meet as `chang`).
    static func stem(_ word: String) -> String {
        let count = word.utf8.count
        guard count > 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") { return String(word.dropLast()) }
        return word
    }
}
