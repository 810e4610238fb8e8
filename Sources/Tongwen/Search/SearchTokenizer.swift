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

    /// Calls `body` with each token's key, in order: the same tokens as `forEachToken`, made
    /// straight from UTF-8 bytes without a string per token when the text is ASCII, CJK and
    /// full-width forms only (nearly all text), through `forEachToken` otherwise.
    static func forEachKey(_ text: String, _ body: (SearchTokenKey) -> Void) {
        var text = text
        let done = text.withUTF8 { utf8 -> Bool in
            guard isPackable(utf8) else { return false }
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var previousCJK: UInt32 = 0
            var cjkRun = 0
            func endWord() {
                guard !word.isEmpty else { return }
                stem(&word)
                body(SearchTokenKey.word(word) ?? .text(String(decoding: word, as: UTF8.self)))
                word.removeAll(keepingCapacity: true)
            }
            func endCJK() {
                if cjkRun == 1 { body(.single(previousCJK)) }
                cjkRun = 0
            }
            var index = 0
            while index < utf8.count {
                var value = decode(utf8, at: &index)
                if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
                if value < 0x80 {
                    if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) {
                        endCJK()
                        word.append(UInt8(value))
                    } else {
                        endWord()
                        endCJK()
                    }
                } else if isCJK(value) {
                    endWord()
                    if cjkRun > 0 { body(.pair(previousCJK, value)) }
                    previousCJK = value
                    cjkRun += 1
                } else {
                    endWord()
                    endCJK()
                }
            }
            endWord()
            endCJK()
            return true
        }
        if !done { forEachToken(text) { body(SearchTokenKey($0)) } }
    }

    /// Whether the byte path of `forEachKey` tokenises `utf8` exactly: every scalar `isSimple`
    /// or a separator whatever NFKC does to it, and no non-ASCII letters outside CJK (not `々`,
    /// `〇` and the like, which would make non-ASCII words).
    private static func isPackable(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            if utf8[index] < 0x80 { index += 1; continue }
            guard utf8[index] >= 0xC2, utf8[index] < 0xF0 else { return false }
            let value = decode(utf8, at: &index)
            switch value {
            case 0x3001...0x3035: if isWordScalar(Unicode.Scalar(value)!) { return false }
            case 0x3041...0x3098, 0x309D...0x309E, 0x30A0...0x30FE, 0x4E00...0x9FFF, 0xFF01...0xFF5E: break
            // Punctuation and symbols that stay separators after NFKC (quotes, dashes, arrows,
            // box drawing; checked against Python's unicodedata), common in Chinese prose.
            case 0xA0...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF, 0xD7, 0xF7,
                 0x2010...0x2016, 0x2018...0x2029, 0x202F...0x203D, 0x203F...0x205E,
                 0x2190...0x21FF, 0x2500...0x257F, 0x25A0...0x25FF: break
            default: return false
            }
        }
        return true
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
