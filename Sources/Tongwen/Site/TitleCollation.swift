import Foundation
import Synchronization

/// Sort keys that put Chinese and Latin titles into one alphabetical order by pinyin
/// (`变更管理` sorts as "bian geng guan li", between "Backup" and "Change").
enum TitleCollation {
    /// Through syllables shared by the whole process: each Han character goes through ICU (about
    /// 30 µs) once per build, not once per title and comparison.
    static func sortKey(_ title: String) -> String {
        syllables.withLock { sortKey(title, cache: &$0) }
    }

    /// Makes ICU load its transliteration data, which its first transform does (about 0.09 s).
    static func prepare() async {
        _ = sortKey("变")
    }

    /// Han character → plain pinyin syllable (a pure function of the character, so sharing it
    /// changes no result).
    private static let syllables = Mutex<[Unicode.Scalar: String]>([:])

    /// Transliterates one Han character at a time through `cache`: ICU's Han→Latin transform is
    /// per character anyway, and a site's titles share a few thousand characters at most.
    static func sortKey(_ title: String, cache: inout [Unicode.Scalar: String]) -> String {
        let lower = title.lowercased()
        guard lower.unicodeScalars.contains(where: isHan) else { return lower }
        var key = ""
        var previousWasHan = false
        for scalar in lower.unicodeScalars {
            guard isHan(scalar) else {
                key.unicodeScalars.append(scalar)
                previousWasHan = false
                continue
            }
            let syllable = cache[scalar] ?? {
                let text = String(scalar)
                let latin = text.applyingTransform(.mandarinToLatin, reverse: false) ?? text
                let plain = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
                cache[scalar] = plain
                return plain
            }()
            if previousWasHan { key += " " }
            key += syllable
            previousWasHan = true
        }
        return key
    }

    /// The index letter of a title: its first Latin letter, or the pinyin initial of a Chinese
    /// first character; `#` for anything else.
    static func initial(_ title: String) -> String {
        for scalar in sortKey(title).unicodeScalars {
            if scalar.properties.isAlphabetic, scalar.isASCII { return String(scalar).uppercased() }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return "#" }
        }
        return "#"
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    /// Total order: key, then the title itself, then a tie-breaker unique per item (its path),
    /// so equal titles never swap between builds.
    static func precedes(_ lhs: (key: String, title: String, id: String), _ rhs: (key: String, title: String, id: String)) -> Bool {
        (lhs.key, lhs.title, lhs.id) < (rhs.key, rhs.title, rhs.id)
    }
}
