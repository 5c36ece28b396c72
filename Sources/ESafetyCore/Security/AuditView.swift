import Foundation

/// Who sees what of the audit log: leads and administrators see all of it; everyone else only
/// their own entries. A summary that names an incident is shown only to someone who may open
/// that incident ("an incident" otherwise), so the log never tells office staff, say, which
/// incident a lead opened or revised.
extension Workspace {
    /// True for leads, the head teacher and administrators.
    public var seesWholeAuditLog: Bool {
        guard let accounts = try? accounts(), accounts.isSetUp else { return true }
        guard let session else { return false }
        return session.isAdministrator || session.level.readsIncidents
    }

    /// The audit entries the person signed in may see, oldest first, with summaries that name an
    /// incident they may not open made anonymous.
    public func visibleAuditEntries() throws -> [AuditEntry] {
        let all = try store.auditEntries()
        guard let accounts = try? accounts(), accounts.isSetUp else { return all }
        guard let session else { return [] }
        let mine = all.filter { seesWholeAuditLog || $0.actor.id == session.actor.id }
        let readable = Set((try? incidents())?.summaries.map(\.id) ?? [])
        return mine.map { entry in
            guard let id = entry.recordID, Self.looksLikeIncidentID(id) || entry.action.hasPrefix("incident"), !readable.contains(id),
                  !(entry.action == "incident.submit" && entry.actor.id == session.actor.id) else { return entry }  // one's own reference stays
            var hidden = entry
            hidden.summary = entry.summary.replacingOccurrences(of: id, with: "an incident")
            hidden.recordID = nil
            return hidden
        }
    }

    /// `2026-0042`.
    static func looksLikeIncidentID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 9 && bytes[4] == 0x2D && bytes.enumerated().allSatisfy { $0.offset == 4 || (0x30...0x39).contains($0.element) }
    }

    /// Who opened, printed or exported an incident, oldest first: the access log a lead reads
    /// (CPOMS keeps one). Only for someone who may open the incident.
    public func accessLog(of incidentID: String) throws -> [AuditEntry] {
        guard (try incidents().summary(incidentID)) != nil else { throw AccessError.restrictedIncident(incidentID) }
        let actions: Set<String> = ["incident.open", "incident.report", "incident.print", "incident.export"]
        return try store.auditEntries().filter { entry in
            actions.contains(entry.action) && (entry.recordID == incidentID || entry.recordID == nil && entry.action == "incident.export")
        }
    }
}
