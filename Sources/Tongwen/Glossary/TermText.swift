import Foundation

/// The text form term matching works on: NFKC, lower-cased, whitespace as plain spaces, with each
/// normalised scalar remembering which scalar of the original text it came from. Matches found in
/// the normalised form are cut out of the original, so the text shown never changes.
struct TermText {
    /// NFKC + lower-cased scalars.
    var folded: [UInt32] = []
    /// NFKC scalars, case kept (same length as `folded`).
    var exact: [UInt32] = []
    /// For each normalised scalar, the index of the original scalar it came from.
    var origin: [Int32] = []

    /// Normalises scalar by scalar. ASCII, CJK ideographs and full-width forms take fast paths;
    /// anything else goes through Foundation once per distinct scalar (`cache`).
    static func normalize(_ text: String, cache: inout [UInt32: ([UInt32], [UInt32])]) -> TermText {
        var result = TermText()
        result.folded.reserveCapacity(text.utf8.count)
        result.exact.reserveCapacity(text.utf8.count)
        result.origin.reserveCapacity(text.utf8.count)
        var index: Int32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            func append(_ exact: UInt32, _ folded: UInt32) {
                result.exact.append(exact)
                result.folded.append(folded)
                result.origin.append(index)
            }
            switch value {
            case 0x41...0x5A: append(value, value + 0x20)
            case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: append(0x20, 0x20)
            case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3001...0x303F: append(value, value)
            case 0xFF21...0xFF3A: append(value - 0xFEE0, value - 0xFEE0 + 0x20)
            case 0xFF01...0xFF5E: append(value - 0xFEE0, value - 0xFEE0)
            default:
                let mapped = cache[value] ?? {
                    let nfkc = String(scalar).precomposedStringWithCompatibilityMapping
                    let entry = (nfkc.unicodeScalars.map(\.value), nfkc.lowercased().unicodeScalars.map(\.value))
                    cache[value] = entry
                    return entry
                }()
                // Lower-casing may change the count (rare: İ); keep the two forms the same length.
                let exact = mapped.0.count == mapped.1.count ? mapped.0 : mapped.1
                for (e, f) in zip(exact, mapped.1) { append(e, f) }
            }
            index += 1
        }
        return result
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
