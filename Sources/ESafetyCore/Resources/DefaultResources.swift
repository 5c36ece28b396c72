import Foundation

/// The defaults shipped in the package's `Resources/` folder, embedded in the binary at build
/// time: role templates, the profile, reporting lines, demo data and help text.
public enum DefaultResources {
    /// Every embedded file's relative path, sorted.
    public static var paths: [String] { EmbeddedResources.files.keys.sorted() }

    /// The text of an embedded file, e.g. `"defaults/roles.json"`.
    public static func text(_ path: String) -> String? { EmbeddedResources.files[path] }

    /// Decodes an embedded JSON file. A failure here is a packaging bug, reported with the path.
    public static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let text = text(path) else { throw DefaultResourceError.missing(path) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw DefaultResourceError.invalid(path, String(describing: error))
        }
    }
}

/// A default resource that is missing or does not decode: a build problem, never the user's.
public enum DefaultResourceError: Error, CustomStringConvertible {
    case missing(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .missing(let path): return "The built-in resource Resources/\(path) is missing from this build of esafety."
        case .invalid(let path, let why): return "The built-in resource Resources/\(path) is not valid: \(why)"
        }
    }
}
