import Foundation
import XCTest

/// The built `esafety` executable. `EndToEndTests` depends on the `esafety` target, so
/// `swift test` builds it into the same folder as the test bundle. Looked for, in order: the
/// `ESAFETY_BINARY` environment variable, beside the test bundle (`.build/<triple>/debug`), and
/// the package's `.build/debug` and `.build/release` found from this file's path.
public func esafetyBinary(file: StaticString = #filePath) throws -> URL {
    let fileManager = FileManager.default
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["ESAFETY_BINARY"], !override.isEmpty {
        candidates.append(URL(fileURLWithPath: override))
    }
    // On Linux the test bundle is an executable `<Package>PackageTests.xctest` in the build
    // folder; on macOS it is a bundle folder in the same place.
    let bundle = Bundle(for: TmuxSession.self).bundleURL
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("esafety"))
    if let argument = CommandLine.arguments.first {
        let runner = URL(fileURLWithPath: argument).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent().appendingPathComponent("esafety"))
    }
    var root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    while root.path != "/" && !fileManager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root.deleteLastPathComponent()
    }
    candidates.append(root.appendingPathComponent(".build/debug/esafety"))
    candidates.append(root.appendingPathComponent(".build/release/esafety"))
    for candidate in candidates where fileManager.isExecutableFile(atPath: candidate.path) {
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return candidate.standardizedFileURL
        }
    }
    throw TmuxError(description: "cannot find the built esafety executable; looked at:\n"
                    + candidates.map { "  " + $0.path }.joined(separator: "\n")
                    + "\nRun `swift build` first, or set ESAFETY_BINARY.")
}

/// A fresh, empty folder readable by its owner only, for a store a test starts from nothing.
/// Removed when `deleteTemporaryDirectory` is called, or by `XCTestCase.makeTemporaryStore()`
/// at the end of the test.
public func makeTemporaryDirectory(prefix: String = "esafety-store") throws -> URL {
    let base = FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
    return url
}

public func deleteTemporaryDirectory(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
}

extension XCTestCase {
    /// A fresh store folder that is removed when the test ends, pass or fail.
    public func makeTemporaryStore() throws -> URL {
        let url = try makeTemporaryDirectory()
        addTeardownBlock { deleteTemporaryDirectory(url) }
        return url
    }

    /// A new store made by `esafety init --demo` (every account's passphrase is
    /// `TmuxSession.demoPassphrase`), removed when the test ends.
    public func makeDemoStore() throws -> URL {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path])
        XCTAssertEqual(created.status, 0, created.standardError)
        return store
    }

    /// A tmux session that is killed when the test ends, pass or fail.
    public func startTmux(command: String, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
                   environment: [String: String] = [:], workingDirectory: URL? = nil) throws -> TmuxSession {
        let session = try TmuxSession(command: command, width: width, height: height, term: term,
                                      environment: environment, workingDirectory: workingDirectory)
        addTeardownBlock { session.kill() }
        return session
    }
}
