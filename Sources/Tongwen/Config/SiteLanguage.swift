/// The languages the default theme ships UI strings for.
public enum SiteLanguage: String, Sendable, Hashable, CaseIterable {
    case zhCN = "zh-CN"
    case en

    /// Accepts the usual spellings (`zh`, `zh_CN`, `zh-Hans`, `en-US`).
    init?(tag: String) {
        let lower = tag.lowercased().replacingOccurrences(of: "_", with: "-")
        if lower == "zh" || lower.hasPrefix("zh-") { self = .zhCN } else if lower == "en" || lower.hasPrefix("en-") { self = .en } else { return nil }
    }
}
