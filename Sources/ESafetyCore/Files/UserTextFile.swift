import Foundation

/// A text file the user names for esafety to read (a roster CSV to import, a new AUP text to
/// publish): read as UTF-8 here, in the domain, so no screen reads files itself.
public struct UserTextFile: Sendable, Equatable {
    /// The path as read, with `~` expanded.
    public let path: String
    /// The file's whole text.
    public let text: String

    /// The file's name without its folder, as the audit log names the source of an import.
    public var name: String { URL(fileURLWithPath: path).lastPathComponent }

    /// Reads the file at `typedPath` (a leading `~` is the home folder).
    /// - Throws: ``UserTextFileError`` if it cannot be read as UTF-8 text.
    public static func read(_ typedPath: String) throws -> UserTextFile {
        let path = (typedPath as NSString).expandingTildeInPath
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserTextFileError(path: path) }
        return UserTextFile(path: path, text: text)
    }
}

/// A named file that is missing, unreadable or not UTF-8 text: one message, whatever the cause.
public struct UserTextFileError: Error, CustomStringConvertible, Equatable {
    /// The path tried, with `~` expanded.
    public let path: String
    public var description: String { "Cannot read \(path) as UTF-8 text." }
}
