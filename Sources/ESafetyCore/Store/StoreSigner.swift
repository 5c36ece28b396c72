import Foundation

/// Signs audit entries: the key of the person signed in (see `SigningIdentity`). The store asks
/// for a signature of each entry's line as written without its `signature`.
public protocol StoreSigner {
    /// Who signs: a person's id, or `root`.
    var signerID: String { get }
    /// An Ed25519 signature of `data`.
    func sign(_ data: Data) throws -> Data
    /// Throws unless the signer may still sign, by the store as last committed (asked under the
    /// commit lock, before the transaction runs): a person whose account another session has
    /// just removed must not write entries that the check would then call forged.
    func confirmEntitled() throws
}

extension StoreSigner {
    public func confirmEntitled() throws {}
}
