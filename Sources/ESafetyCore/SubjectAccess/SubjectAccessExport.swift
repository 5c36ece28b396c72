import CivilTime
import Foundation

/// Everything esafety holds about one person, for a subject access response: their directory
/// entry and roles, account, roster entry and AUP signatures, and the incidents that involve
/// them, with other people's names replaced by what they are. The withheld list is for the lead.
public struct SubjectAccessExport: Sendable {
    public var subject: String
    public var text: String
    public var withheld: [SubjectAccessWithheld]
    public var incidentCount: Int

    /// The withheld list as text, for the lead to review.
    public var withheldText: String {
        (["Withheld from the subject access response for \(subject) (for the lead to review; do not send)", ""]
            + (withheld.isEmpty ? ["Nothing was withheld."] : withheld.map { "- " + $0.line })).joined(separator: "\n") + "\n"
    }
}

extension Workspace {
    /// The export for a person named by id (`P0007`, `pupil-0001`) or full name. Audited.
    public func subjectAccessExport(person given: String) throws -> SubjectAccessExport {
        try require(.answerSubjectAccess)
        try aup.load()
        let wanted = TextSearch.fold(given.trimmed)
        let people = directory.people.filter { $0.id == given.trimmed || TextSearch.fold($0.fullName) == wanted }
        let roster = aup.people.filter { $0.id == given.trimmed || $0.nameMatches(given) }
        let name = people.first?.fullName ?? roster.first?.fullName ?? given.trimmed
        let ids = Set(people.map(\.id) + roster.map(\.id))
        let subjectNames = Set([TextSearch.fold(name), wanted])
        let log = try incidents()
        let records = try log.allRecords().filter { record in
            ids.contains { record.report.involves(personID: $0, name: name) } || record.report.involves(personID: nil, name: name)
        }.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
        guard !people.isEmpty || !roster.isEmpty || !records.isEmpty else { throw SubjectAccessError.unknownPerson(given) }

        var others: [(name: String, label: String)] = directory.people.map { ($0.fullName, "a member of staff") }
        for person in aup.people {
            let label = person.group == .pupil ? "another pupil" : person.group == .parent ? "a parent" : "a member of staff"
            others.append((person.fullName, label))
        }
        for record in records { for party in record.report.involved { others.append((party.name, Self.label(for: party.kind))) } }
        others.sort { $0.label == "another pupil" && $1.label != "another pupil" }  // a pupil's name first, if a name is two things
        var redaction = SubjectAccessRedaction(others: others, subjectNames: subjectNames)

        var out = ["Subject access: what esafety holds about \(name)", "From \(profile.schoolName), \(today)", ""]
        out += directorySection(people)
        out += try accountSection(people)
        out += rosterSection(roster, redaction: &redaction, subjectNames: subjectNames)
        out += consentSection(roster.filter { $0.group == .pupil }, redaction: &redaction, subjectNames: subjectNames)
        out += ["Incidents that involve \(name) (\(records.count))"]
        if records.isEmpty { out.append("  None.") }
        for record in records { out += incidentSection(record, form: log.form, redaction: &redaction, subjectNames: subjectNames) }
        if log.unreadableCount > 0 {
            redaction.withhold("\(log.unreadableCount) incident record(s) this account cannot open (allegations sealed to their recipients)",
                               at: "Incidents", because: "only their recipients can read them: ask them to review these for the request")
        }
        let export = SubjectAccessExport(subject: name, text: out.joined(separator: "\n") + "\n", withheld: redaction.withheld, incidentCount: records.count)
        try store.recordEvent(actor: actor, action: "sar.export", recordID: people.first?.id ?? roster.first?.id,
                              summary: "Exported a subject access response (\(records.count) incident(s), \(export.withheld.count) item(s) withheld)")
        return export
    }

    static func label(for kind: InvolvedParty.Kind) -> String {
        switch kind {
        case .child: return "another pupil"
        case .staff: return "a member of staff"
        case .other: return "another person"
        }
    }

    private func directorySection(_ people: [Person]) -> [String] {
        var out = ["Role directory"]
        if people.isEmpty { out.append("  Not in the role directory.") }
        for person in people {
            out.append("  \(person.fullName) (\(person.id))" + (person.title.isEmpty ? "" : ", \(person.title)"))
            for (label, value) in [("Phone", person.phone), ("E-mail", person.email), ("Notes", person.notes)] where !value.isEmpty {
                out.append("    \(label): \(value)")
            }
            let roles = directory.roles(heldBy: person.id).map(\.name)
            out.append("    Roles: " + (roles.isEmpty ? "none" : roles.joined(separator: "; ")))
        }
        return out + [""]
    }

    private func accountSection(_ people: [Person]) throws -> [String] {
        var out = ["Account"]
        let granted = people.compactMap { try? accounts().authorityAccount($0.id) }
        if granted.isEmpty { out.append("  No account.") }
        for account in granted {
            let access = account.access.isEmpty ? "staff" : account.access.map(\.label).joined(separator: ", ")
            out.append("  Can sign in; access: \(access)" + (account.administrator ? "; administrator" : ""))
        }
        return out + [""]
    }

    private func rosterSection(_ roster: [RosterPerson], redaction: inout SubjectAccessRedaction, subjectNames: Set<String>) -> [String] {
        var out = ["AUP roster and signatures"]
        if roster.isEmpty { out.append("  Not on the AUP roster.") }
        for person in roster {
            var facts = ["\(person.group.plural): \(person.fullName) (\(person.id))"]
            if let className = person.className { facts.append("class \(className)") }
            if let born = person.dateOfBirth { facts.append("born \(born)") }
            if let upn = person.upn { facts.append("UPN \(upn)") }
            out.append("  " + facts.joined(separator: ", "))
            for signature in aup.signatures(of: person.id) {
                let witness = redaction.name(signature.witness.name, label: "a member of staff", subjectNames: subjectNames,
                                             where: "AUP signature of \(signature.signedOn)")
                out.append("    Signed the \(signature.kind.rawValue) AUP (\(signature.versionID)) on \(signature.signedOn), \(signature.method.rawValue), recorded by \(witness)")
            }
        }
        return out + [""]
    }

    private func consentSection(_ pupils: [RosterPerson], redaction: inout SubjectAccessRedaction, subjectNames: Set<String>) -> [String] {
        var out = ["Image consent"]
        try? consents.load()
        let histories = pupils.map { ($0, consents.consent(of: $0.id)) }.filter { !$0.1.history.isEmpty }
        if histories.isEmpty { out.append("  No consent forms recorded.") }
        for (pupil, consent) in histories {
            let states = ConsentUse.allCases.map { "\($0.title): \(consent.state($0).word)" }
            out.append("  \(pupil.fullName): " + states.joined(separator: "; "))
            for event in consent.history {
                let by = redaction.name(event.by, label: "a parent or carer", subjectNames: subjectNames, where: "Image consent of \(event.on)")
                out.append("    \(event.kind == .given ? "Form" : "Withdrawal") on \(event.on) by \(by): " + event.uses.map(\.title).joined(separator: ", "))
            }
        }
        return out + [""]
    }

    private func incidentSection(_ record: IncidentRecord, form: IncidentFormDefinition, redaction: inout SubjectAccessRedaction,
                                 subjectNames: Set<String>) -> [String] {
        let place = "Incident \(record.id)"
        let report = record.report
        var out = ["", "  \(record.id), happened \(record.date(in: timeZone)), \(record.status.label)"]
        if let origin = record.transferredFrom { out.append("    Prior record from \(origin.label(timeZone: timeZone))") }
        let reporter = redaction.name(report.reporterName, label: "a member of staff", subjectNames: subjectNames, where: place + ", reported by")
        out.append("    Reported by: \(reporter)")
        let involved = report.involved.map { party in
            subjectNames.contains(TextSearch.fold(party.name)) ? "\(party.name) (\(party.kind.label))"
                : redaction.name(party.name, label: Self.label(for: party.kind), subjectNames: subjectNames, where: place + ", who was involved")
        }
        out.append("    Who was involved: " + involved.joined(separator: "; "))
        out.append("    Type: " + report.typeIDs.map { IncidentFormDefinition.label($0, in: form.incidentTypes) }.joined(separator: "; "))
        for (label, value) in [("Description", report.description), ("Action", report.specificAction), ("Outcome", report.outcome)] where !value.trimmed.isEmpty {
            out.append("    \(label): " + redaction.text(value, where: place + ", " + label.lowercased()))
        }
        for action in report.staffActions + report.childActions {
            let by = redaction.name(action.by, label: "a member of staff", subjectNames: subjectNames, where: place + ", action taken")
            out.append("    Done: \(IncidentFormDefinition.label(action.itemID, in: form.staffActions + form.childActions)), by \(by)")
        }
        for followUp in record.followUps {
            let what = redaction.text(followUp.what, where: place + ", follow-up \(followUp.id)")
            out.append("    Follow-up: \(what), due \(followUp.due)" + (followUp.doneOn.map { ", done \($0)" } ?? ""))
        }
        if !record.walks.isEmpty { out.append("    The response flowchart was followed \(record.walks.count) time(s).") }
        if !record.revisions.isEmpty {
            redaction.withhold("\(record.revisions.count) earlier version(s) of the report", at: place,
                               because: "superseded drafts of the same record: the current version is given; include them if asked")
        }
        return out
    }
}
