import Foundation

/// Sealing at set-up: incidents recorded before esafety was set up are kept as plain JSON until
/// the records key exists, then sealed to it in one commit with the governors' figures.
extension IncidentLog {
    /// Seals every incident kept as plain JSON (from before set-up) to the records key, in one commit.
    func sealPlainRecords() throws {
        guard vault.isSecured else { return }
        let names = try store.documentNames(in: Self.folder)
        var plain: [IncidentRecord] = []
        for name in names {
            if case .plain(let record)? = try store.load(StoredIncident.self, from: name) { plain.append(record) }
        }
        guard !plain.isEmpty else { return }
        try store.commit(actor: actor(), action: "incident.seal", summary: "Sealed \(plain.count) incident\(plain.count == 1 ? "" : "s") "
                         + "recorded before set-up to the records key") { transaction in
            for record in plain { try transaction.write(try vault.seal(record), to: Self.folder + "/" + record.id) }
            if plain.count == 1 { transaction.recordID = plain[0].id }
            var figures = IncidentFiguresDocument()
            for record in plain { figures.apply(record, timeZone: timeZone, delta: 1) }
            try transaction.write(figures, to: Self.figuresDocument)
        }
    }
}
