import Foundation

/// Checks of the records themselves, beyond "is this JSON": ids that must be unique, and files
/// that must hold the record their name says. A duplicate id would make two records one (a change
/// to one would overwrite the other), so a store with one is refused like a garbled file, naming
/// the file and the id. `esafety check` runs all of them through ``Workspace/checkRecords()``.
public enum RecordCheck {
    /// A `StoreError.corrupt` naming `file` if any id in `ids` appears more than once.
    static func refuseDuplicates(_ ids: [String], kind: String, in file: String) throws {
        var seen = Set<String>()
        var repeated: [String] = []
        for id in ids where !seen.insert(id).inserted && !repeated.contains(id) { repeated.append(id) }
        guard !repeated.isEmpty else { return }
        throw StoreError.corrupt(file: file, reason: "the \(kind) id\(repeated.count == 1 ? "" : "s") "
            + "\(repeated.prefix(5).joined(separator: ", ")) appear\(repeated.count == 1 ? "s" : "") more than once; "
            + "each must be unique. Restore the file from backups/ (see esafety restore) or correct it by hand")
    }

    /// A `StoreError.corrupt` if the incident file `name` holds a record with another id.
    static func refuseMisnamedIncident(id: String, document name: String) throws {
        let expected = String(name.split(separator: "/").last ?? "")
        guard id != expected else { return }
        throw StoreError.corrupt(file: name + ".json", reason: "holds incident \(id), but its name says \(expected): "
            + "two files for one incident id, or a copied file. Restore it from backups/ (see esafety restore)")
    }
}

extension Workspace {
    /// What `check`'s first read of every file also proves (``Store/checkReport(shapes:)``): that
    /// each incident file and each signature file decodes as its record, and that an incident
    /// file holds the incident its name says. These are nine tenths of a store's bytes.
    public static let shapeCheck = StoreShapeCheck([
        AUPDocumentName.signatureFolder: { _, bytes in
            StoreJSON.decodeDocument(SignatureShardDocument.self, validated: bytes, decoder: StoreJSON.makeDecoder()) != nil
        },
        IncidentLog.folder: { name, bytes in
            guard let stored = StoreJSON.decodeDocument(StoredIncident.self, validated: bytes, decoder: StoreJSON.makeDecoder()) else { return false }
            return (try? RecordCheck.refuseMisnamedIncident(id: stored.id, document: name)) != nil
        },
    ])

    /// Reads every record of every area and returns what is wrong with them (empty if nothing):
    /// documents that do not decode as esafety records, duplicate ids, misnamed incident files.
    /// Given the report of ``Store/checkReport(shapes:)`` with ``shapeCheck``, the documents it
    /// decoded are not read again. Changes nothing; use on a read-only workspace.
    public func checkRecords(after report: StoreCheckReport? = nil) -> [StoreProblem] {
        let decoded = report?.decoded ?? []
        var problems: [StoreProblem] = []
        func note(_ work: () throws -> Void) {
            do { try work() } catch let StoreError.corrupt(file, reason) {
                problems.append(StoreProblem(file: file, problem: reason))
            } catch let StoreError.readFailed(file, reason) {
                problems.append(StoreProblem(file: file, problem: "cannot be read: \(reason)"))
            } catch {
                problems.append(StoreProblem(file: "(records)", problem: String(describing: error)))
            }
        }
        // Every incident file, whoever is signed in (the log itself reads only what it needs).
        let names = ((try? store.documentNames(in: IncidentLog.folder)) ?? []).filter { !decoded.contains($0) }
        for read in IncidentLog.readFiles(documents: names, in: store) { note { _ = try read.get() } }
        if session != nil {  // and what only the records key can open
            let before = problems.count
            note { _ = try incidents() }
            if problems.count > before, problems[..<before].contains(where: { $0.file == problems[before].file }) {
                problems.removeLast()
            }
        }
        note { try aup.readSignatureFiles(skipping: decoded) }
        if let problem = reviews.loadProblem { problems.append(StoreProblem(file: "(reviews)", problem: problem)) }
        return problems
    }
}
