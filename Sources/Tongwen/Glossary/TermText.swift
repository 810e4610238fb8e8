import Foundation

/// The text form term names are matched in: NFKC, lower-cased, whitespace as plain spaces.
/// `TermMatcher` folds page text scalar by scalar with the same `decode`, `fold` and `expansion`
/// while it runs, so the text shown never changes; names are folded here, once per build.
struct TermText {
    /// NFKC + lower-cased scalars.
    var folded: [UInt32] = []
    /// NFKC scalars, case kept (same length as `folded`).
    var exact: [UInt32] = []

    static func normalize(_ text: String) -> TermText {
        var text = text
        var cache: [UInt32: ([UInt32], [UInt32])] = [:]
        var result = TermText()
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let (value, length) = decode(bytes, at: offset)
                offset += length
                if let simple = fold(value) {
                    result.exact.append(simple.exact)
                    result.folded.append(simple.folded)
                } else {
                    let expanded = expansion(value, cache: &cache)
                    result.exact += expanded.exact
                    result.folded += expanded.folded
                }
            }
        }
        return result
    }

    /// The scalar starting at byte `offset` and its length in bytes (Swift strings are valid
    /// UTF-8; a truncated sequence at the end yields what is there).
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[offset]
        var value = UInt32(lead)
        var length = 1
        if lead >= 0xF0 { length = 4; value = UInt32(lead & 0x07) } else if lead >= 0xE0 { length = 3; value = UInt32(lead & 0x0F) } else if lead >= 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
        var index = 1
        while index < length, offset + index < bytes.count {
            value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
            index += 1
        }
        return (value, min(length, bytes.count - offset))
    }

    /// NFKC + lower-casing of the scalars whose forms are fixed and one scalar long (ASCII, CJK
    /// ideographs and punctuation, full-width forms, whitespace as a space); nil for the others.
    @inline(__always) static func fold(_ value: UInt32) -> (exact: UInt32, folded: UInt32)? {
        switch value {
        case 0x41...0x5A: return (value, value + 0x20)
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: return (0x20, 0x20)
        case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x303F: return (value, value)
        case 0xFF21...0xFF3A: return (value - 0xFEE0, value - 0xFEE0 + 0x20)
        case 0xFF01...0xFF5E: return (value - 0xFEE0, value - 0xFEE0)
        default: return nil
        }
    }

    /// Any other scalar through Foundation, once per distinct scalar (`cache`): its NFKC scalars
    /// and their lower-cased forms, the same length (lower-casing that changes the count, as for
    /// `İ`, uses the lower-cased scalars for both).
    static func expansion(_ value: UInt32, cache: inout [UInt32: ([UInt32], [UInt32])]) -> (exact: [UInt32], folded: [UInt32]) {
        let mapped = cache[value] ?? {
            let nfkc = Unicode.Scalar(value).map { String($0).precomposedStringWithCompatibilityMapping } ?? ""
            let entry = (nfkc.unicodeScalars.map(\.value), nfkc.lowercased().unicodeScalars.map(\.value))
            cache[value] = entry
            return entry
        }()
        return (mapped.0.count == mapped.1.count ? mapped.0 : mapped.1, mapped.1)
    }

    /// Of the spellings of one name (`key` equal) and how often each is used: the most used,
    /// ties broken by code point order, so the choice does not depend on the order pages load.
    static func usualSpelling(_ counts: [String: Int]) -> String {
        counts.min { ($1.value, $0.key) < ($0.value, $1.key) }!.key
    }

    /// The key two names collide on: NFKC, lower-cased.
    static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(normalize(name).folded.compactMap(Unicode.Scalar.init)))
            .trimmingCharacters(in: .whitespaces)
    }

    /// Latin letters and digits: the characters a Latin trigger must not be glued to.
    /// CJK characters are not word scalars, so `我们的SLA是` has boundaries around `SLA`.
    static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A, 0x5F: return true
        case 0xC0...0x24F: return value != 0xD7 && value != 0xF7
        default: return false
        }
    }
}
