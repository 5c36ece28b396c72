import Foundation

/// Where the store lives on disk.
///
/// Precedence, first match wins:
/// 1. the `--store DIR` option (`explicit`),
/// 2. the `ESAFETY_STORE` environment variable,
/// 3. `$XDG_DATA_HOME/esafety` (only if `XDG_DATA_HOME` is an absolute path, as the XDG spec says),
/// 4. `~/.local/share/esafety`, using `HOME` from `environment`, else the user database.
///
/// Empty values count as unset. A leading `~/` is expanded (for `--store=~/x`, which shells leave
/// alone); relative paths are taken from the current directory.
public struct StoreLocation: Sendable {
    /// The environment variable that names the store folder.
    public static let environmentVariable = "ESAFETY_STORE"

    /// Resolves the store folder from the command line and the environment (see the type's docs).
    public static func resolve(explicit: String?, environment: [String: String]) -> URL {
        let home = homeDirectory(environment: environment)
        if let explicit, !explicit.isEmpty {
            return fileURL(explicit, home: home)
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return fileURL(fromEnvironment, home: home)
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome, isDirectory: true)
                .appendingPathComponent("esafety", isDirectory: true).standardizedFileURL
        }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/esafety", isDirectory: true).standardizedFileURL
    }

    private static func fileURL(_ path: String, home: String) -> URL {
        var expanded = path
        if path == "~" {
            expanded = home
        } else if path.hasPrefix("~/") {
            expanded = home + path.dropFirst(1)
        }
        return URL(fileURLWithPath: expanded, isDirectory: true).standardizedFileURL
    }

    private static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }
}
