/// GitHub-compatible heading ids that keep Chinese characters: `## 需求池管理` → `需求池管理`,
/// `## Rollback plan` → `rollback-plan`; repeats get `-1`, `-2` (as github-slugger does).
struct HeadingSlugger {
    private var occurrences: [String: Int] = [:]

    mutating func slug(_ text: String) -> String {
        let base = HeadingSlugger.base(text)
        var slug = base
        while let count = occurrences[slug] {
            let next = count + 1
            occurrences[slug] = next
            occurrences[base] = max(occurrences[base] ?? 0, next)
            slug = "\(base)-\(next)"
        }
        occurrences[slug] = 0
        return slug
    }

    /// Lower-cases, keeps letters, marks, numbers, `_` and `-`, turns spaces into `-`, drops the rest.
    static func base(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark,
                 .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                result.append(scalar)
            case .spaceSeparator:
                result.append("-")
            default:
                if scalar == "-" { result.append(scalar) }
            }
        }
        let slug = String(result)
        return slug.isEmpty ? "heading" : slug
    }
}
