import Foundation

/// Signs audit entries: the key of the person signed in (see `SigningIdentity`). The store asks
/// for a signature of each entry's line as written without its `signature`.
public protocol StoreSigner {
    /// Who signs: a person's id, or `root`.
    var signerID: String { get }
    /// An Ed25519 signature of `data`.
    func sign(_ data: Data) throws -> Data
}
