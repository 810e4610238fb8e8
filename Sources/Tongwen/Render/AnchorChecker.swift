/// Check stage: every `#fragment` a link names must exist on the page it points to.
enum AnchorChecker {
    static func check(_ checks: [AnchorCheck], rendered: [String: RenderedPage], pages: [String: Page]) -> [Diagnostic] {
        checks.compactMap { check in
            guard let target = rendered[check.targetSource], !target.ids.contains(check.fragment) else { return nil }
            let page = pages[check.targetSource]?.displayPath ?? check.targetSource
            return .warning("link.missing-anchor", "link to missing anchor '#\(check.fragment)' in '\(page)'",
                            path: check.fromPath, line: check.position.line, column: check.position.column)
        }
    }
}
