import Foundation

/// What a built page's link may point at: the output's files and each page's ids.
struct LinkTargets: Sendable {
    /// Every file of the output, relative to it.
    let existing: Set<String>
    /// Output HTML file → the ids in it.
    let ids: [String: Set<String>]

    enum Problem: Sendable, Hashable {
        case outside, missing, missingAnchor

        func message(_ link: String) -> String {
            switch self {
            case .outside: "the built page links to '\(link)', outside the site"
            case .missing: "the built page links to '\(link)', which is not in the site"
            case .missingAnchor: "the built page links to '\(link)', a missing anchor"
            }
        }
    }

    /// Answers for links already seen by pages of the same folder tree: the sidebar, breadcrumbs
    /// and term links of a section repeat on every page of it. Keyed by the folder a link climbs
    /// to with its leading `../`, then by the rest of the link.
    struct Cache {
        fileprivate var answers: [String: [Substring: Problem?]] = [:]
    }

    /// A page's folder and each of its ancestors (`a/b/c`, `a/b`, `a`, ``), for `problem(_:in:cache:)`.
    struct Folder {
        let path: String
        let ancestors: [String]

        init(of file: String) {
            var parts = file.split(separator: "/").dropLast()
            path = parts.joined(separator: "/")
            var ancestors = [path]
            while !parts.isEmpty {
                parts.removeLast()
                ancestors.append(parts.joined(separator: "/"))
            }
            self.ancestors = ancestors
        }
    }

    /// Why `link`, written in `file` (in `folder`), does not resolve; nil when it does or is not ours to check.
    func problem(_ link: String, in folder: Folder, file: String, cache: inout Cache) -> Problem? {
        if link.isEmpty || link.hasPrefix("#") { return problem(link, folder: folder.path, file: file) }
        var rest = Substring(link)
        var climbs = 0
        while true {
            if rest.hasPrefix("../") {
                climbs += 1
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("./") {
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        guard climbs < folder.ancestors.count else { return problem(link, folder: folder.path, file: file) }
        let base = folder.ancestors[climbs]
        if let known = cache.answers[base]?[rest] { return known }
        let answer = problem(link, folder: folder.path, file: file)
        cache.answers[base, default: [:]][rest] = answer
        return answer
    }

    func problem(_ link: String, folder: String, file: String) -> Problem? {
        if link.isEmpty || LinkResolver.isExternal(link) || link.hasPrefix("/") || link.hasPrefix("data:") { return nil }
        var path = Substring(link)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            let raw = String(path[path.index(after: hash)...])
            fragment = raw.contains("%") ? raw.removingPercentEncoding : raw
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        var decoded = String(path)
        if decoded.contains("%") { decoded = decoded.removingPercentEncoding ?? decoded }
        // A Markdown link the build could not resolve was reported at its source line already.
        if decoded.hasSuffix(".md") { return nil }
        var target = file
        if !decoded.isEmpty {
            guard let normalized = Permalinks.normalize((folder.isEmpty ? "" : folder + "/") + decoded) else { return .outside }
            let index = (normalized.isEmpty ? "" : normalized + "/") + "index.html"
            if existing.contains(normalized) {
                target = normalized
            } else if existing.contains(index) {
                target = index
            } else {
                return .missing
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !(ids[target]?.contains(fragment) ?? false) {
            return .missingAnchor
        }
        return nil
    }
}
