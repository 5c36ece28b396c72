import Foundation

/// The app's own look at every document when it opens, as `check` does but cheaply: each
/// document the ledger lists (and any file no entry accounts for) is proven against its last
/// entry, reading and hashing only files whose stamp (device, inode, size, modification and
/// status-change times) differs from when this check last proved them. The stamps are kept in
/// `cache/proofs`; a status-change time cannot be set back by hand, so an edited file is read
/// again. The cache is a shortcut, not a proof: someone who forges it hides a changed document
/// from this look only until a session reads that document (every read is proven in full) or
/// `esafety check` runs.
extension Store {
    static let proofsCacheName = "proofs"

    private var proofsPath: String {
        (path as NSString).appendingPathComponent("\(StoreDocumentName.cacheFolder)/\(Self.proofsCacheName)")
    }

    /// Every document that does not match its last audit entry, named as `check` would; empty
    /// when all do. Changes no document (a read-write store refreshes `cache/proofs`).
    public func proveEveryDocument() -> [StoreProblem] {
        let remembered = readProofs()
        var proofs: [String: (stamp: StoreFileStamp, sha256: String)] = [:]
        var problems: [StoreProblem] = []
        var names = Set(ledger.documents.compactMap { $0.value.isDeleted ? nil : $0.key })
        for file in StoreDocumentFiles.list(directory: path) {
            guard let document = file.document, !document.isUnaudited else { continue }
            names.insert(document.name)
        }
        for name in names.sorted() {
            guard let document = try? StoreDocumentName(name) else { continue }
            let state = ledger.state(of: name)
            let stamp = try? StoreFileStamp.of(filePath(document))
            if let stamp, let known = remembered[name], known.stamp == stamp, known.sha256 == state?.sha256 {
                proofs[name] = known
                continue
            }
            guard let contents = try? StoreFileIO.readFile(filePath(document)) else {
                if state != nil { problems.append(StoreProblem(file: document.relativePath, problem: mismatch(document, sha256: nil, revision: nil))) }
                continue
            }
            let sha = StoreAuditLog.hash(contents.data)
            if let state, state.sha256 == sha {
                proofs[name] = (contents.stamp, sha)
            } else {
                let revision = (try? StoreJSONValidator.validate(contents.data).get())?.revision
                problems.append(StoreProblem(file: document.relativePath, problem: mismatch(document, sha256: sha, revision: revision)))
            }
        }
        if access == .readWrite { writeProofs(proofs) }
        return problems
    }

    private func readProofs() -> [String: (stamp: StoreFileStamp, sha256: String)] {
        guard let contents = try? StoreFileIO.readFile(proofsPath) else { return [:] }
        var proofs: [String: (stamp: StoreFileStamp, sha256: String)] = [:]
        for line in contents.data.split(separator: 0x0A) {
            let fields = line.split(separator: 0x20, maxSplits: 8).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 9, let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
                  let ms = Int64(fields[3]), let mn = Int64(fields[4]), let cs = Int64(fields[5]), let cn = Int64(fields[6]) else { continue }
            proofs[fields[8]] = (StoreFileStamp(device: device, inode: inode, size: size, modifiedSeconds: ms, modifiedNanoseconds: mn,
                                                changedSeconds: cs, changedNanoseconds: cn), fields[7])
        }
        return proofs
    }

    private func writeProofs(_ proofs: [String: (stamp: StoreFileStamp, sha256: String)]) {
        var text = ""
        for (name, proof) in proofs.sorted(by: { $0.key < $1.key }) {
            let s = proof.stamp
            text += "\(s.device) \(s.inode) \(s.size) \(s.modifiedSeconds) \(s.modifiedNanoseconds) \(s.changedSeconds) "
                + "\(s.changedNanoseconds) \(proof.sha256) \(name)\n"
        }
        do {
            try StoreFileIO.refuseLinks(below: path, in: (proofsPath as NSString).deletingLastPathComponent)
            _ = try StoreFileIO.makeDirectories((proofsPath as NSString).deletingLastPathComponent)
            try StoreFileIO.replaceAtomically(proofsPath, with: Data(text.utf8))
        } catch {
            unlink(proofsPath)
        }
    }
}
