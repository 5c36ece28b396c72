import Crypto
import Foundation

/// A signing key in use: the person signed in (their id) or the store's root (`root`). Signs the
/// audit entries of the commits made for them, and the authority statements they issue.
struct SigningIdentity: StoreSigner {
    let signerID: String
    let key: Curve25519.Signing.PrivateKey
    /// Throws unless the authority as last committed still names the signer with this key.
    var confirm: (() throws -> Void)?

    func sign(_ data: Data) throws -> Data { try key.signature(for: data) }
    func confirmEntitled() throws { try confirm?() }
}
