/// A write the output writer refused or could not do.
enum OutputError: Error, CustomStringConvertible {
    case outsideOutput(String)
    case cannotWrite(String)

    var description: String {
        switch self {
        case .outsideOutput(let path): "refusing to write '\(path)': it is outside the output folder"
        case .cannotWrite(let path): "cannot write '\(path)'"
        }
    }
}
