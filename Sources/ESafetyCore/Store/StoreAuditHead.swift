import Foundation

/// `audit.head`: the sequence number and hash of the last audit line, rewritten atomically after
/// each append. It protects the newest entry, which has no later entry to carry its hash.
struct StoreAuditHead: Codable, Equatable {
    static let fileName = "audit.head"

    var sequence: Int
    var hash: String

    static func read(directory: String) -> StoreAuditHead? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let contents = try? StoreFileIO.readFile(path) else { return nil }
        return try? JSONDecoder().decode(StoreAuditHead.self, from: contents.data)
    }

    func write(directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        _ = try StoreFileIO.replaceAtomically((directory as NSString).appendingPathComponent(Self.fileName), with: data, beforeRename: nil)
    }
}
