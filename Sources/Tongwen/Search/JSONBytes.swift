/// JSON written straight into bytes, for the search index's hundreds of thousands of small values
/// (JSONEncoder spent most of the index stage's encoding time on them). Strings are escaped
/// exactly as JSONEncoder with `.withoutEscapingSlashes` escapes them, so files keep their bytes.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    /// Also escape `<`, `>` and `&` (as `\u003c`…), for JSON inside a `<script>` element, which
    /// no text may then close.
    var escapesMarkup = false

    init(capacity: Int = 0, escapesMarkup: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.escapesMarkup = escapesMarkup
    }

    /// Punctuation and keys given in the source (`{"b":[`).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An integer, after `separator` when one is given (`,` between the numbers of a list): the
    /// digits are worked out in a local buffer and appended at once, as the index writes millions.
    mutating func int<Number: BinaryInteger>(_ value: Number, after separator: UInt8? = nil) {
        // A separator, a sign and at most 19 digits.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = UInt64(Int64(value).magnitude)
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { start -= 1; buffer[start] = UInt8(ascii: "-") }
            if let separator { start -= 1; buffer[start] = separator }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape (nearly all of them) are copied whole.
            var start = 0
            let markup = escapesMarkup
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || markup && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x09: raw("\\t")
        case 0x0D: raw("\\r")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
            raw("\\u00")
            bytes.append(JSONBytes.hexDigits[Int(byte >> 4)])
            bytes.append(JSONBytes.hexDigits[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }

    /// `["a","b"]`.
    mutating func strings(_ texts: [String]) {
        raw("[")
        for (index, text) in texts.enumerated() {
            if index > 0 { raw(",") }
            string(text)
        }
        raw("]")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
