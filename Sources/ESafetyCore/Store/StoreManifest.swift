import Foundation

/// The contents of `manifest.json`, which marks a folder as an esafety store and names its format:
///
/// ```json
/// { "createdAt" : "2026-11-25T09:14:03Z", "createdBy" : "esafety 0.1.0",
///   "format" : "esafety-store", "formatVersion" : 1 }
/// ```
///
/// Only `format` and `formatVersion` are required when reading, so that a manifest from a newer
/// esafety (which may add or change other fields) is still recognised and refused by version.
struct StoreManifest: Codable, Equatable {
    static let fileName = "manifest.json"
    static let formatName = "esafety-store"

    var format: String
    var formatVersion: Int
    var createdAt: Date?
    var createdBy: String?

    /// A manifest for a store created now by this esafety.
    static func new(now: Date) -> StoreManifest {
        StoreManifest(format: formatName, formatVersion: Store.formatVersion, createdAt: now,
                      createdBy: "esafety \(ESafetyCoreVersion.version)")
    }

    /// Reads and checks the manifest of the store in `directory`.
    /// - Throws: ``StoreError/notAStore(directory:)`` if there is none, ``StoreError/corrupt(file:reason:)``
    ///   if it is garbled or not an esafety manifest, ``StoreError/newerFormat(file:found:supported:)``
    ///   if a newer esafety wrote it. Older versions are returned for the caller to migrate.
    static func read(directory: String) throws -> StoreManifest {
        let path = (directory as NSString).appendingPathComponent(fileName)
        let contents: (data: Data, stamp: StoreFileStamp)?
        do {
            contents = try StoreFileIO.readFile(path)
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: fileName, reason: failure.reason)
        }
        guard let data = contents?.data else { throw StoreError.notAStore(directory: directory) }
        if let problem = StoreJSONDiagnostics.syntaxProblem(in: data) {
            throw StoreError.corrupt(file: fileName, reason: problem)
        }
        let manifest: StoreManifest
        do {
            manifest = try StoreJSON.makeDecoder().decode(StoreManifest.self, from: data)
        } catch {
            throw StoreError.corrupt(file: fileName, reason: StoreJSONDiagnostics.reason(for: error, data: data))
        }
        guard manifest.format == formatName else {
            throw StoreError.corrupt(
                file: fileName,
                reason: "it says \"format\": \"\(manifest.format)\" instead of \"\(formatName)\", so this folder "
                    + "may belong to another program")
        }
        guard manifest.formatVersion >= 0 else {
            throw StoreError.corrupt(file: fileName,
                                     reason: "format version \(manifest.formatVersion) is not a valid version")
        }
        if manifest.formatVersion > Store.formatVersion {
            throw StoreError.newerFormat(file: fileName, found: manifest.formatVersion, supported: Store.formatVersion)
        }
        return manifest
    }

    /// Atomically writes this manifest into `directory`.
    func write(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        var data = try StoreJSON.makeEncoder().encode(self)
        data.append(0x0A)
        do {
            _ = try StoreFileIO.replaceAtomically(path, with: data)
        } catch let failure as StoreAtomicWriteFailure {
            throw StoreError.writeFailed(file: Self.fileName, reason: failure.underlying.reason,
                                         nothingChanged: !failure.committed)
        }
    }
}
