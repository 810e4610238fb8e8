import Foundation
import HTMLKit

/// Where a page's body goes in its rendered template. Templates get `marker` as `page.content`,
/// and the writer puts the body's bytes in its place (`fill`). The body is the largest value a
/// page has: given to swift-mustache as a string, it was copied by every template level it
/// passed through, and splicing its term links into a new string cost a UTF-8 validation of all
/// of it, a quarter of the time that making a page's template context took.
enum PageBodySlot {
    /// Private-use characters around a name no text has: escaping leaves it as it is, so
    /// `{{page.content}}` gets the body too (unescaped, as `{{{page.content}}}`).
    static let marker = "\u{E003}tongwen:page.content\u{E003}"

    /// `html` as UTF-8 bytes, with the body (its term links spliced in) at every marker.
    static func fill(_ html: String, body: RenderedPage?) -> [UInt8] {
        var html = html
        return html.withUTF8 { bytes -> [UInt8] in
            // Room for the template and the spliced body at once: an estimate short of the term
            // link tags made the body's splice, then the template's tail, grow the buffer again.
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + (body.map { HTMLFragment.splicedByteCount($0.markedHTML, with: $0.links) } ?? 0))
            var index = 0
            while let at = firstMarker(in: bytes, from: index) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<at]))
                if let body { HTMLFragment.appendSplicing(body.markedHTML, with: body.links, to: &output) }
                index = at + markerBytes.count
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
            return output
        }
    }

    private static let markerBytes = Array(marker.utf8)

    /// The offset of the next whole marker at or after `start`.
    private static func firstMarker(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + markerBytes.count <= bytes.count,
              let found = memchr(base + index, Int32(markerBytes[0]), bytes.count - index) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard at + markerBytes.count <= bytes.count else { return nil }
            if memcmp(base + at, markerBytes, markerBytes.count) == 0 { return at }
            index = at + 1
        }
        return nil
    }
}
