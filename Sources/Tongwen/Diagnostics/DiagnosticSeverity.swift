/// How bad a diagnostic is. Ordered so that sorting puts errors first within one position.
public enum DiagnosticSeverity: String, Sendable, Hashable, Comparable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool { lhs.rank < rhs.rank }
}
