import ArgumentParser
import Foundation

@main
struct TongwenCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tongwen",
        abstract: "Tongwen 同文: builds a knowledge portal from a folder of Markdown.",
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// ArgumentParser exits 64 on usage errors; Tongwen promises 2 (and 1 for content errors).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == ExitCode.failure.rawValue {
                exit(withError: error)
            }
            if code == .validationFailure || code.rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
