import Foundation

/// The text form term matching works on: NFKC, lower-cased, whitespace as plain spaces, with each
/// normalised scalar remembering which scalar of the original text it came from. Matches found in
/// the normalised form are cut out of the original, so the text shown never changes.
struct TermText {
    /// NFKC + lower-cased scalars.
    var folded: [UInt32] = []
    /// NFKC scalars, case kept (same length as `folded`).
    var exact: [UInt32] = []
    /// For each normalised scalar, the UTF-8 byte range of the original scalar it came from.
    var originStart: [Int32] = []
    var originEnd: [Int32] = []

    /// Normalises scalar by scalar, decoding the UTF-8 itself so byte offsets come for free.
    /// ASCII, CJK ideographs and full-width forms take fast paths; anything else goes through
    /// Foundation once per distinct scalar (`cache`).
    static func normalize(_ text: String, cache: inout [UInt32: ([UInt32], [UInt32])]) -> TermText {
        var text = text
        let count = text.utf8.count
        // Plain local arrays, filled inline: a nested function capturing them would make every
        // append pay for dynamic exclusivity checks.
        var folded = [UInt32](), exact = [UInt32](), starts = [Int32](), ends = [Int32]()
        folded.reserveCapacity(count)
        exact.reserveCapacity(count)
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let lead = bytes[offset]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xF0 { length = 4; value = UInt32(lead & 0x07) } else if lead >= 0xE0 { length = 3; value = UInt32(lead & 0x0F) } else if lead >= 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
                var index = 1
                while index < length, offset + index < bytes.count {
                    value = value << 6 | UInt32(bytes[offset + index] & 0x3F)
                    index += 1
                }
                let begin = Int32(offset), end = Int32(min(offset + length, bytes.count))
                var e = value, f = value
                var simple = true
                switch value {
                case 0x41...0x5A: f = value + 0x20
                case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: e = 0x20; f = 0x20
                case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x303F: break
                case 0xFF21...0xFF3A: e = value - 0xFEE0; f = e + 0x20
                case 0xFF01...0xFF5E: e = value - 0xFEE0; f = e
                default: simple = false
                }
                if simple {
                    exact.append(e)
                    folded.append(f)
                    starts.append(begin)
                    ends.append(end)
                } else {
                    let mapped = cache[value] ?? {
                        let nfkc = Unicode.Scalar(value).map { String($0).precomposedStringWithCompatibilityMapping } ?? ""
                        let entry = (nfkc.unicodeScalars.map(\.value), nfkc.lowercased().unicodeScalars.map(\.value))
                        cache[value] = entry
                        return entry
                    }()
                    // Lower-casing may change the count (rare: İ); keep the two forms the same length.
                    let kept = mapped.0.count == mapped.1.count ? mapped.0 : mapped.1
                    for (k, l) in zip(kept, mapped.1) {
                        exact.append(k)
                        folded.append(l)
                        starts.append(begin)
                        ends.append(end)
                    }
                }
                offset += length
            }
        }
        return TermText(folded: folded, exact: exact, originStart: starts, originEnd: ends)
    }

    static func normalize(_ text: String) -> TermText {
        var cache: [UInt32: ([UInt32], [UInt32])] = [:]
        return normalize(text, cache: &cache)
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
