import Foundation

/// Writes command output to standard output, or to a file created readable by its owner only.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UserFacingError("Cannot write \(url.path): check that the folder exists and you may write there.")
        }
    }
}
